package dev.sextant.analytics.backtest;

import dev.sextant.analytics.series.OhlcvSeries;

/**
 * An immutable description of a trading rule. Each run {@link #start()}s a fresh {@link Decider},
 * which may keep state from bar to bar, so two runs never share it.
 */
public interface Strategy {

    /** A name with its parameters, e.g. {@code sma-cross(5,20)}. */
    String name();

    /** The fewest bars a run needs; the engine refuses a shorter series. */
    int minimumBars();

    Decider start();

    /** One run's decisions, bar by bar, oldest first, each bar exactly once. */
    interface Decider {
        /**
         * Decides on the close of the last bar of {@code history}: the bars up to now and no
         * further (a window whose reads past its end fail).
         */
        Signal decide(OhlcvSeries history);
    }
}
