package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Donchian channel: the highest high and lowest low of the last {@code period} bars, and their
 * midpoint; lookback {@code period - 1}. Not in TA-Lib; O(1) amortized per bar.
 */
public final class Donchian {

    /** The three lines, aligned with the input. */
    public record Channel(double[] upper, double[] middle, double[] lower) {}

    /** One bar's lines. */
    public record Point(double upper, double middle, double lower) {}

    private final RollingExtremes extremes;

    public Donchian(int period) {
        this.extremes = new RollingExtremes(Check.positive(period, "period"));
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static Channel of(double[] high, double[] low, int period) {
        Check.positive(period, "period");
        int n = Check.notNull(high, "high").length;
        if (low.length != n) {
            throw new IllegalArgumentException("high and low must have the same length");
        }
        double[] upper = Outputs.nanBefore(n, period - 1);
        double[] middle = Outputs.nanBefore(n, period - 1);
        double[] lower = Outputs.nanBefore(n, period - 1);
        RollingExtremes extremes = new RollingExtremes(period);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                extremes.add(high[i], low[i]);
                if (i >= period - 1) {
                    upper[i] = extremes.highest();
                    lower[i] = extremes.lowest();
                    middle[i] = (upper[i] + lower[i]) / 2;
                }
            }
        }
        return new Channel(upper, middle, lower);
    }

    public Point next(double high, double low) {
        extremes.add(high, low);
        if (!extremes.full()) {
            return new Point(Double.NaN, Double.NaN, Double.NaN);
        }
        double upper = extremes.highest();
        double lower = extremes.lowest();
        return new Point(upper, (upper + lower) / 2, lower);
    }
}
