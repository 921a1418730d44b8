package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;

/**
 * Money flow index (TA-Lib {@code MFI}): the share of the last {@code period} bars' money flow
 * (typical price times volume) that came on rising typical prices, from 0 to 100; 0 when the total
 * flow is below 1. Lookback {@code period}.
 */
public final class Mfi {

    private final int period;
    private final double[] positive;
    private final double[] negative;
    private int position;
    private long count;
    private double previousTypical;
    private double positiveSum;
    private double negativeSum;

    public Mfi(int period) {
        this.period = Check.positive(period, "period");
        this.positive = new double[period];
        this.negative = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period");
    }

    public static double[] of(double[] high, double[] low, double[] close, double[] volume, int period) {
        int n = Check.notNull(close, "close").length;
        if (high.length != n || low.length != n || volume.length != n) {
            throw new IllegalArgumentException("high, low, close and volume must have the same length");
        }
        Mfi mfi = new Mfi(period);
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = mfi.next(high[i], low[i], close[i], volume[i]);
            }
        }
        return out;
    }

    public double next(double high, double low, double close, double volume) {
        double typical = (high + low + close) / 3.0;
        count++;
        if (count == 1) {
            previousTypical = typical;
            return Double.NaN;
        }
        if (count > period + 1) {
            positiveSum -= positive[position];
            negativeSum -= negative[position];
        }
        double change = typical - previousTypical;
        previousTypical = typical;
        double flow = typical * volume;
        if (change < 0) {
            negative[position] = flow;
            negativeSum += flow;
            positive[position] = 0.0;
        } else if (change > 0) {
            positive[position] = flow;
            positiveSum += flow;
            negative[position] = 0.0;
        } else {
            positive[position] = 0.0;
            negative[position] = 0.0;
        }
        position = position + 1 == period ? 0 : position + 1;
        if (count <= period) {
            return Double.NaN;
        }
        double total = positiveSum + negativeSum;
        return total < 1.0 ? 0 : 100.0 * (positiveSum / total);
    }
}
