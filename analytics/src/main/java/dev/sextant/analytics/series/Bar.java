package dev.sextant.analytics.series;

/**
 * One OHLCV bar: its start time in epoch seconds and its prices and volume, checked as {@link
 * OhlcvSeries} checks each of its bars (prices positive and finite, {@code low <= open, close <=
 * high}, volume finite and not negative). Immutable and thread-safe; {@code double} for the same
 * reason as the series.
 */
public record Bar(long time, double open, double high, double low, double close, double volume) {

    public Bar {
        String problem = OhlcvSeries.problem(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("bar at " + time + ": " + problem);
        }
    }
}
