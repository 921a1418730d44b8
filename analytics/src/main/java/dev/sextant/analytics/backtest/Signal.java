package dev.sextant.analytics.backtest;

/** What a strategy decides on a bar's close: enter (when flat), exit (when long) or nothing. */
public enum Signal {
    HOLD,
    ENTER,
    EXIT
}
