package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Weighted moving average (TA-Lib {@code WMA}): weights 1 to {@code period}, the newest value
 * heaviest; lookback {@code period - 1}. Kept in O(1) per value with TA-Lib's two running sums.
 */
public final class Wma {

    private final int period;
    private final double divider;
    private final double[] window;
    private int position;
    private long count;
    private double sum;
    private double weighted;
    private double trailing;

    public Wma(int period) {
        this.period = Check.positive(period, "period");
        this.divider = period * (period + 1) / 2.0;
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static double[] of(double[] values, int period) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        int n = values.length;
        double[] out = Outputs.nanBefore(n, period - 1);
        if (n < period) {
            return out;
        }
        double divider = period * (period + 1) / 2.0;
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < period - 1; i++) {
            sum += values[i];
            weighted += values[i] * (i + 1);
        }
        double trailing = 0;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = period - 1; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                double value = values[i];
                sum += value;
                sum -= trailing;
                weighted += value * period;
                trailing = values[i - period + 1];
                out[i] = weighted / divider;
                weighted -= sum;
            }
        }
        return out;
    }

    public double next(double value) {
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        if (count < period) {
            sum += value;
            weighted += value * count;
            return Double.NaN;
        }
        sum += value;
        sum -= trailing;
        weighted += value * period;
        // The value that leaves next: the oldest of the window just completed.
        trailing = window[position];
        double out = weighted / divider;
        weighted -= sum;
        return out;
    }
}
