package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.internal.MarketDataProperties;
import dev.sextant.marketdata.internal.calendar.TradingSession;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo market's macro series look like the real ones: the VIX and the 10-year yield stay within
 * their historical ranges at every minute of every session for decades, and the CPI grows like an
 * index of prices. Checked on the model itself and on the bars it serves at every interval.
 */
class DemoMacroSeriesTest {

    /** Sixty years past the demo's first session: far longer than any history a user asks for. */
    private static final LocalDate LAST_DAY = LocalDate.of(2072, 12, 30);

    private static DemoInstrument instrument(String symbol) {
        return DemoCatalog.instruments().stream()
                .filter(i -> i.symbol().equals(symbol))
                .findFirst()
                .orElseThrow();
    }

    static Stream<Arguments> boundedSeries() {
        // The historical ranges: VIX 9.1 (1993) to 82.7 (2008 close), US10Y 0.52 % (2020) to 15.8 % (1981).
        return Stream.of(Arguments.of("VIX", 9.0, 85.0), Arguments.of("US10Y", 0.5, 16.0));
    }

    @ParameterizedTest
    @MethodSource("boundedSeries")
    void test_everyMinuteOfSixtyYears_isWithinTheHistoricalRange(String symbol, double floor, double ceiling) {
        DemoPriceModel model = new DemoPriceModel(instrument(symbol));
        DemoPriceModel.DailyHistory history = model.history(LAST_DAY);
        OhlcvSeries days = history.bars();
        double[] path = new double[TradingSession.US_EQUITY.minutes() + 1];
        double[] extremes = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(days.time(i)), ZoneOffset.UTC);
            double previous = i == 0 ? model.instrument().firstPrice() : history.rawCloses()[i - 1];
            model.session(
                    day,
                    previous,
                    (k, open, high, low, close, volume) -> {
                        extremes[0] = Math.min(extremes[0], low);
                        extremes[1] = Math.max(extremes[1], high);
                    },
                    path);
        }

        assertThat(days.size()).isGreaterThan(15_000);
        assertThat(extremes[0]).as(symbol + " lowest minute").isGreaterThanOrEqualTo(floor);
        assertThat(extremes[1]).as(symbol + " highest minute").isLessThanOrEqualTo(ceiling);
    }

    @Test
    void test_vix_spendsMostDaysInItsUsualBand_andRisesWhenTheMarketFalls() {
        OhlcvSeries vix =
                new DemoPriceModel(instrument("VIX")).history(LAST_DAY).bars();
        OhlcvSeries spy =
                new DemoPriceModel(instrument("SPY")).history(LAST_DAY).bars();
        double[] closes = vix.closes();
        double[] sorted = closes.clone();
        Arrays.sort(sorted);

        // The real VIX since 1990: median about 17.6, a tenth of days below 12.4 and above 27.
        assertThat(sorted[sorted.length / 2]).as("median").isBetween(14.0, 21.0);
        assertThat(sorted[sorted.length / 10]).as("10th percentile").isBetween(10.5, 15.0);
        assertThat(sorted[sorted.length * 9 / 10]).as("90th percentile").isBetween(22.0, 32.0);
        assertThat(correlation(changes(closes), logReturns(spy.closes())))
                .as("daily changes against the market's returns")
                .isLessThan(-0.5);
    }

    @Test
    void test_tenYearYield_movesBasisPointsADay() {
        double[] changes = changes(
                new DemoPriceModel(instrument("US10Y")).history(LAST_DAY).bars().closes());
        double variance = Arrays.stream(changes).map(c -> c * c).average().orElseThrow();

        // The real 10-year yield moves about 5 to 7 basis points a day (standard deviation).
        assertThat(Math.sqrt(variance) * 100).as("basis points a day").isBetween(3.0, 10.0);
    }

    @Test
    void test_cpi_isAnIndexThatRisesLikeThePriceLevel() {
        OhlcvSeries cpi =
                new DemoPriceModel(instrument("CPI")).history(LAST_DAY).bars();
        // CPI-U (1982-84 = 100) was 227 in January 2012 and about 320 in 2025.
        OhlcvSeries recent = cpi.between(epochSecond(LocalDate.of(2012, 1, 1)), epochSecond(LocalDate.of(2027, 1, 1)));
        double[] recentCloses = recent.closes();

        assertThat(Arrays.stream(recentCloses).min().orElseThrow()).isGreaterThanOrEqualTo(200);
        assertThat(Arrays.stream(recentCloses).max().orElseThrow()).isLessThanOrEqualTo(350);
        for (int year = 2013; year <= LAST_DAY.getYear(); year++) {
            double now = closeOn(cpi, LocalDate.of(year, 12, 31));
            double yearBefore = closeOn(cpi, LocalDate.of(year - 1, 12, 31));
            // Real year-on-year inflation since 1950 ran from -2 % to +15 %; since 2012 from -0.2 % to 9 %.
            assertThat(now / yearBefore - 1).as("inflation in " + year).isBetween(-0.02, 0.10);
            if (year >= 2017) {
                assertThat(now)
                        .as("CPI at the end of " + year + " above five years before")
                        .isGreaterThan(closeOn(cpi, LocalDate.of(year - 5, 12, 31)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("boundedSeries")
    void test_servedBarsAtEveryInterval_areWithinTheHistoricalRange(String symbol, double floor, double ceiling) {
        Clock clock = Clock.fixed(Instant.parse("2025-06-11T15:00:00Z"), ZoneOffset.UTC);
        DemoMarketData demo =
                new DemoMarketData(clock, new MarketDataProperties(1_000_000, 100), new DemoProperties(true));
        DemoInstrument instrument = instrument(symbol);
        for (BarInterval interval : BarInterval.values()) {
            LocalDate from = interval.isIntraday() ? LocalDate.of(2024, 6, 1) : LocalDate.of(2012, 1, 1);
            BarSeries served = demo.bars(
                    instrument.toInstrument(),
                    new BarRequest(symbol, interval, from, LocalDate.of(2025, 6, 11)),
                    Caller.session(UserId.random(), Role.USER));
            OhlcvSeries bars = served.bars();

            assertThat(bars.size()).as(symbol + " " + interval).isGreaterThan(100);
            for (int i = 0; i < bars.size(); i++) {
                assertThat(bars.low(i)).as(symbol + " " + interval + " low").isGreaterThanOrEqualTo(floor);
                assertThat(bars.high(i)).as(symbol + " " + interval + " high").isLessThanOrEqualTo(ceiling);
            }
        }
    }

    private static double closeOn(OhlcvSeries bars, LocalDate day) {
        int index = bars.indexAtOrAfter(epochSecond(day.plusDays(1))) - 1;
        return bars.close(index);
    }

    private static long epochSecond(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static double[] changes(double[] levels) {
        double[] changes = new double[levels.length - 1];
        for (int i = 1; i < levels.length; i++) {
            changes[i - 1] = levels[i] - levels[i - 1];
        }
        return changes;
    }

    private static double[] logReturns(double[] prices) {
        double[] returns = new double[prices.length - 1];
        for (int i = 1; i < prices.length; i++) {
            returns[i - 1] = Math.log(prices[i] / prices[i - 1]);
        }
        return returns;
    }

    private static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double[] x = Arrays.copyOfRange(a, a.length - n, a.length);
        double[] y = Arrays.copyOfRange(b, b.length - n, b.length);
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double cov = 0;
        double varX = 0;
        double varY = 0;
        for (int i = 0; i < n; i++) {
            cov += (x[i] - meanX) * (y[i] - meanY);
            varX += (x[i] - meanX) * (x[i] - meanX);
            varY += (y[i] - meanY) * (y[i] - meanY);
        }
        return cov / Math.sqrt(varX * varY);
    }
}
