package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Simple moving average (TA-Lib {@code SMA}): lookback {@code period - 1}. The window's total moves
 * by {@code (new - leaving)}, computed off the chain from bar to bar, so each bar adds one addition
 * to it (TA-Lib adds the new value and subtracts the leaving one: the same numbers to within a few
 * units in the last place). A constant series stays exactly constant.
 */
public final class Sma {

    private final int period;
    private final double[] window;
    private int position;
    private long count;
    private double total;

    public Sma(int period) {
        this.period = Check.positive(period, "period");
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    /** The SMA of each position, NaN where fewer than {@code period} values precede it. */
    public static double[] of(double[] values, int period) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        int n = values.length;
        double[] out = Outputs.nanBefore(n, period - 1);
        if (n < period) {
            return out;
        }
        double total = 0;
        for (int i = 0; i < period; i++) {
            total += values[i];
        }
        out[period - 1] = total / period;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = period; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                total += values[i] - values[i - period];
                out[i] = total / period;
            }
        }
        return out;
    }

    /** Takes the next value; answers the SMA ending at it, or NaN during the first {@code period - 1}. */
    public double next(double value) {
        double leaving = window[position];
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        if (count <= period) {
            total += value;
            return count < period ? Double.NaN : total / period;
        }
        total += value - leaving;
        return total / period;
    }
}
