package dev.sextant.analytics.backtest;

/**
 * The deepest fall of equity from a running peak, as a fraction ({@code 0.25} is 25 %), with the
 * times of that peak and of the trough; 0 and the first bar's time for both when equity never fell.
 */
public record Drawdown(double depth, long peakTime, long troughTime) {}
