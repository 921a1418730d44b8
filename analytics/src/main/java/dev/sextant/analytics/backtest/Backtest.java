package dev.sextant.analytics.backtest;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.function.Function;

/** The backtest face: run a strategy over bars, the built-in strategies, the look-ahead probe. */
public final class Backtest {

    private Backtest() {}

    /**
     * Runs {@code strategy} over {@code series}: same input, same output, bit for bit. Refuses a
     * series shorter than the strategy's {@link Strategy#minimumBars()}.
     */
    public static BacktestResult run(OhlcvSeries series, Strategy strategy, BacktestConfig config) {
        Check.notNull(series, "series");
        Check.notNull(strategy, "strategy");
        Check.notNull(config, "config");
        return Engine.run(series, strategy, config).result();
    }

    /**
     * The {@code sma-cross} strategy: long only and all in from the bar after the fast SMA of closes
     * crosses above the slow one, out from the bar after it crosses below. Needs {@code slow + 1}
     * bars.
     */
    public static Strategy smaCross(int fast, int slow) {
        return new SmaCross(fast, slow);
    }

    /**
     * Probes {@code probes} bars t spread over the series: replaces every bar after t with other
     * random bars (from {@code seed}) and reports any decision up to t that changed. {@code
     * strategyFor} is given each series run, so a strategy built from the whole series (a loophole
     * the engine's windows close) is caught too.
     */
    public static LookAheadReport lookAhead(
            OhlcvSeries series, Function<OhlcvSeries, Strategy> strategyFor, int probes, long seed) {
        Check.notNull(series, "series");
        Check.notNull(strategyFor, "strategyFor");
        return LookAheadDetector.check(series, strategyFor, probes, seed);
    }
}
