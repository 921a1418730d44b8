package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The demo market's prices: reproducible, internally consistent and shaped like a market. */
class DemoPriceModelTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);

    private static DemoPriceModel model(String symbol) {
        return new DemoPriceModel(DemoCatalog.instruments().stream()
                .filter(i -> i.symbol().equals(symbol))
                .findFirst()
                .orElseThrow());
    }

    private static double[] logReturns(OhlcvSeries bars) {
        double[] returns = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            returns[i - 1] = Math.log(bars.close(i) / bars.close(i - 1));
        }
        return returns;
    }

    private static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[a.length - n + i] / n;
            meanB += b[b.length - n + i] / n;
        }
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            double da = a[a.length - n + i] - meanA;
            double db = b[b.length - n + i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        return cov / Math.sqrt(varA * varB);
    }

    @Test
    void test_history_isTheSameOnEveryRun() {
        OhlcvSeries first = model("AAPL").history(LAST_DAY).bars();
        OhlcvSeries second = model("AAPL").history(LAST_DAY).bars();

        assertThat(second.closes()).containsExactly(first.closes());
        assertThat(second.volume(100)).isEqualTo(first.volume(100));
    }

    @Test
    void test_history_neverRewritesThePast() {
        OhlcvSeries shorter = model("MSFT").history(LocalDate.of(2020, 3, 31)).bars();
        OhlcvSeries longer = model("MSFT").history(LAST_DAY).bars();

        assertThat(longer.window(0, shorter.size()).closes()).containsExactly(shorter.closes());
    }

    @Test
    void test_history_hasOneBarPerNyseSessionForEquitiesAndEveryDayForCrypto() {
        OhlcvSeries spy = model("SPY").history(LocalDate.of(2012, 1, 31)).bars();
        OhlcvSeries btc = model("BTC-USD").history(LocalDate.of(2018, 1, 31)).bars();

        // 3 to 31 January 2012: 21 weekdays, less Martin Luther King Day (16 January).
        assertThat(spy.size()).isEqualTo(20);
        assertThat(btc.size()).isEqualTo(31);
    }

    @Test
    void test_realisedVolatility_isNearTheConfiguredOne() {
        double[] returns = logReturns(model("SPY").history(LAST_DAY).bars());
        double mean = java.util.Arrays.stream(returns).average().orElseThrow();
        double variance = java.util.Arrays.stream(returns)
                        .map(r -> (r - mean) * (r - mean))
                        .sum()
                / (returns.length - 1);

        assertThat(Math.sqrt(variance * 252)).isCloseTo(0.161, within(0.02));
    }

    @Test
    void test_symbols_correlateThroughTheMarketFactor() {
        double[] spy = logReturns(model("SPY").history(LAST_DAY).bars());
        double[] index = logReturns(model("^GSPC").history(LAST_DAY).bars());
        double[] gold = logReturns(model("GLD").history(LAST_DAY).bars());
        double[] bitcoin = logReturns(model("BTC-USD").history(LAST_DAY).bars());
        double[] ether = logReturns(model("ETH-USD").history(LAST_DAY).bars());

        assertThat(correlation(spy, index)).isGreaterThan(0.9);
        assertThat(correlation(bitcoin, ether)).isGreaterThan(0.5);
        assertThat(Math.abs(correlation(spy, gold))).isLessThan(0.2);
    }

    @Test
    void test_everyInstrumentsHistory_isValid() {
        // OhlcvSeries checks each bar (positive prices, high and low enclosing open and close, volume >= 0).
        for (DemoInstrument instrument : DemoCatalog.instruments()) {
            OhlcvSeries bars = new DemoPriceModel(instrument).history(LAST_DAY).bars();
            assertThat(bars.size()).as(instrument.symbol()).isGreaterThan(1000);
        }
    }
}
