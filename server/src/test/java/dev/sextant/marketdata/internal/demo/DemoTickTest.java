package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.internal.MarketDataProperties;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo quote ticks between its minute bars: every 100 ms within a session a deterministic
 * price, starting from the last finished minute's close and staying within the running minute's
 * high and low, so the stream a user watches agrees with the bars the same market serves.
 */
class DemoTickTest {

    private static final Caller CALLER = Caller.session(UserId.random(), Role.USER);
    private static final MarketDataProperties LIMITS = new MarketDataProperties(50_000, 100);

    @ParameterizedTest
    @CsvSource({"BTC-USD, 2025-06-11T15:00:00Z", "AAPL, 2025-06-11T15:00:00Z", "ETH-USD, 2025-06-14T03:17:00Z"})
    void test_quote_ticksWithinTheMinuteBar_continuousAndDeterministic(String symbol, String minuteStart) {
        Instrument instrument = DemoCatalog.instruments().stream()
                .filter(i -> i.symbol().equals(symbol))
                .findFirst()
                .orElseThrow()
                .toInstrument();
        Instant minute = Instant.parse(minuteStart);
        OhlcvSeries bars = barsAt(instrument, minute.plusSeconds(60), minute);
        int running = bars.indexAtOrAfter(minute.getEpochSecond());
        assertThat(bars.time(running)).isEqualTo(minute.getEpochSecond());

        Set<Double> prices = new HashSet<>();
        MovingClock clock = new MovingClock();
        DemoMarketData market = new DemoMarketData(clock, LIMITS, new DemoProperties(true));
        for (int step = 0; step < 600; step++) {
            Instant at = minute.plusMillis(100L * step + 37);
            clock.now = at;
            Quote quote = market.quote(instrument, CALLER);
            if (step % 150 == 7) {
                assertThat(quoteAt(instrument, at)).as("same time, same price").isEqualTo(quote);
            }
            assertThat(quote.time()).isEqualTo(minute.plusMillis(100L * step));
            assertThat(quote.price())
                    .as("within the minute's bar at step " + step)
                    .isBetween(bars.low(running), bars.high(running));
            assertThat(quote.demo()).isTrue();
            assertThat(quote.provider()).isEqualTo("demo");
            if (step == 0) {
                assertThat(quote.price()).as("opens at the last minute's close").isEqualTo(bars.close(running - 1));
                assertThat(quote.price()).isEqualTo(bars.open(running));
            }
            prices.add(quote.price());
        }
        assertThat(prices).as("the price moves within the minute").hasSizeGreaterThan(10);
        // The next minute starts at this minute's close: continuous with the bars.
        assertThat(quoteAt(instrument, minute.plusSeconds(60)).price()).isEqualTo(bars.close(running));
    }

    /** A clock the test sets; one market reads it throughout, as the server's does. */
    private static final class MovingClock extends Clock {
        volatile Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static Quote quoteAt(Instrument instrument, Instant at) {
        return new DemoMarketData(Clock.fixed(at, ZoneOffset.UTC), LIMITS, new DemoProperties(true))
                .quote(instrument, CALLER);
    }

    private static OhlcvSeries barsAt(Instrument instrument, Instant now, Instant minute) {
        LocalDate day = LocalDate.ofInstant(minute, ZoneOffset.UTC);
        return new DemoMarketData(Clock.fixed(now, ZoneOffset.UTC), LIMITS, new DemoProperties(true))
                .bars(
                        instrument,
                        new BarRequest(instrument.symbol(), BarInterval.ONE_MINUTE, day.minusDays(1), day),
                        CALLER)
                .bars();
    }
}
