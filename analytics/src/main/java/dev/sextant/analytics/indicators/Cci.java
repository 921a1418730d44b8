package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;

/**
 * Commodity channel index (TA-Lib {@code CCI}): how far the typical price ({@code (h + l + c) / 3})
 * lies from its mean over {@code period} bars, in units of 0.015 mean absolute deviations; 0 when
 * either is 0. Lookback {@code period - 1}. The mean absolute deviation has no running form, so
 * each bar costs O(period), in batch and streaming alike (as in TA-Lib).
 */
public final class Cci {

    private final int period;
    private final double[] window;
    private int position;
    private long count;

    public Cci(int period) {
        this.period = Check.positive(period, "period");
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static double[] of(double[] high, double[] low, double[] close, int period) {
        Cci cci = new Cci(period);
        int n = Check.notNull(close, "close").length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException("high, low and close must have the same length");
        }
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = cci.next(high[i], low[i], close[i]);
            }
        }
        return out;
    }

    public double next(double high, double low, double close) {
        double typical = (high + low + close) / 3;
        window[position] = typical;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        if (count < period) {
            return Double.NaN;
        }
        // TA-Lib sums its circular buffer in storage order, not by age: the same here.
        double average = 0;
        for (double value : window) {
            average += value;
        }
        average /= period;
        double deviation = 0;
        for (double value : window) {
            deviation += Math.abs(value - average);
        }
        double distance = typical - average;
        return distance != 0 && deviation != 0 ? distance / (0.015 * (deviation / period)) : 0;
    }
}
