package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.internal.MarketDataProperties;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A demo quote is computed once per symbol and clock minute and reused within it: every answer
 * must equal, field for field, the quote computed afresh at the same instant, across session opens
 * and closes, the exchange's midnight, a clock going back, and the days before an instrument's
 * first session.
 */
class DemoQuoteTest {

    /** A clock the test moves; the demo market reads it on every request. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Caller CALLER = Caller.session(UserId.random(), Role.USER);
    private static final MarketDataProperties LIMITS = new MarketDataProperties(50_000, 100);

    /** Each symbol with the minutes where its answer turns: opens, closes, midnights, holidays. */
    static Stream<Arguments> minutes() {
        List<String> newYork = List.of(
                "2025-06-11T13:29", // New York opens at 13:30 UTC in summer
                "2025-06-11T13:30",
                "2025-06-11T13:31",
                "2025-06-11T15:00",
                "2025-06-11T19:59", // ... and closes at 20:00 UTC
                "2025-06-11T20:00",
                "2025-06-12T03:59", // New York's date is still the 11th
                "2025-12-24T18:00", // a half day: closed at 13:00 New York
                "2025-12-25T15:00"); // a holiday
        List<String> utc = List.of("2025-06-11T15:00", "2025-06-11T23:59", "2025-06-12T00:00");
        return Stream.of(
                Arguments.of("AAPL", newYork),
                Arguments.of("SPY", newYork),
                Arguments.of("VIX", List.of("2025-06-11T13:29", "2025-06-11T15:00", "2025-06-11T20:00")),
                Arguments.of("BTC-USD", utc),
                // The minute before its first session has no price; the first minute of it has.
                Arguments.of("SOL-USD", List.of("2020-04-09T23:59", "2020-04-10T00:00", "2020-04-10T00:01")));
    }

    /** Each minute asked at its start, again, a second in, and at its last millisecond. */
    private static List<Instant> instants(List<String> minutes) {
        List<Instant> instants = new ArrayList<>();
        for (String minute : minutes) {
            Instant start = Instant.parse(minute + ":00Z");
            instants.add(start);
            instants.add(start);
            instants.add(start.plusSeconds(1));
            instants.add(start.plusMillis(59_999));
        }
        // The clock goes back: an earlier minute is computed again, not the latest reused.
        instants.add(instants.getFirst().plusMillis(30_500));
        return instants;
    }

    @ParameterizedTest
    @MethodSource("minutes")
    void test_quote_equalsAFreshComputationAtEveryInstant(String symbol, List<String> minutes) {
        Instrument instrument = DemoCatalog.instruments().stream()
                .filter(i -> i.symbol().equals(symbol))
                .findFirst()
                .orElseThrow()
                .toInstrument();
        MovableClock clock = new MovableClock(Instant.EPOCH);
        DemoMarketData market = new DemoMarketData(clock, LIMITS, new DemoProperties(true));

        int answered = 0;
        List<Instant> instants = instants(minutes);
        for (Instant instant : instants) {
            clock.set(instant);
            DemoMarketData fresh =
                    new DemoMarketData(Clock.fixed(instant, ZoneOffset.UTC), LIMITS, new DemoProperties(true));

            Object expected = answer(fresh, instrument);
            Object actual = answer(market, instrument);

            assertThat(actual).as(symbol + " at " + instant).isEqualTo(expected);
            if (actual instanceof Quote quote) {
                answered++;
                assertThat(quote.fetchedAt()).isEqualTo(instant);
                assertThat(quote.provider()).isEqualTo("demo");
                assertThat(quote.demo()).isTrue();
            }
        }
        assertThat(answered).as("most instants have a price").isGreaterThan(instants.size() / 2);
    }

    /** The quote, or the problem's message when there is none (before the first session). */
    private static Object answer(DemoMarketData market, Instrument instrument) {
        try {
            return market.quote(instrument, CALLER);
        } catch (RuntimeException failed) {
            return failed.getClass().getName() + ": " + failed.getMessage();
        }
    }
}
