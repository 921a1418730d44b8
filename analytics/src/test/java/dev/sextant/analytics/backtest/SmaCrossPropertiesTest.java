package dev.sextant.analytics.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.OhlcvSeries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The engine's sma-cross against an independent re-computation on random-walk bars. */
class SmaCrossPropertiesTest {

    @Property(tries = 400)
    void finalEquity_equalsAPlainLoopRecomputation(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 20) int fast,
            @ForAll @IntRange(min = 1, max = 40) int extra,
            @ForAll @IntRange(min = 0, max = 400) int more) {
        int slow = fast + extra;
        OhlcvSeries series = Walks.of(seed, slow + 1 + more);
        BacktestResult result = Backtest.run(series, Backtest.smaCross(fast, slow), BacktestConfig.of(10_000));
        double expected = reference(series.closes(), opens(series), fast, slow, 10_000);
        assertThat(result.finalEquity()).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    private static double[] opens(OhlcvSeries series) {
        double[] opens = new double[series.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = series.open(i);
        }
        return opens;
    }

    /**
     * Written apart from the engine: each bar sums its SMA windows from scratch; being long or not
     * is a boolean flipped at the next bar's open; whatever is held is sold at the last close.
     */
    private static double reference(double[] close, double[] open, int fast, int slow, double capital) {
        int n = close.length;
        double money = capital;
        double held = 0;
        int buyAt = -1;
        int sellAt = -1;
        for (int bar = 0; bar < n; bar++) {
            if (bar == buyAt && held == 0) {
                held = money / open[bar];
                money = 0;
            }
            if (bar == sellAt && held > 0) {
                money = held * open[bar];
                held = 0;
            }
            if (bar >= slow) {
                double fastNow = mean(close, bar, fast);
                double slowNow = mean(close, bar, slow);
                double fastBefore = mean(close, bar - 1, fast);
                double slowBefore = mean(close, bar - 1, slow);
                if (fastNow > slowNow && fastBefore <= slowBefore) {
                    buyAt = bar + 1;
                } else if (fastNow < slowNow && fastBefore >= slowBefore) {
                    sellAt = bar + 1;
                }
            }
        }
        return money + held * close[n - 1];
    }

    private static double mean(double[] values, int last, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            sum += values[last - k];
        }
        return sum / length;
    }
}
