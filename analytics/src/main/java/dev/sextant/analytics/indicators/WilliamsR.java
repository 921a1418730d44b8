package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Williams %R (TA-Lib {@code WILLR}): where the close lies between the highest high and the lowest
 * low of the last {@code period} bars, from 0 (at the high) to -100 (at the low); 0 when the range
 * is empty. Lookback {@code period - 1}.
 */
public final class WilliamsR {

    private final RollingExtremes extremes;

    public WilliamsR(int period) {
        this.extremes = new RollingExtremes(Check.positive(period, "period"));
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static double[] of(double[] high, double[] low, double[] close, int period) {
        Check.positive(period, "period");
        int n = Check.notNull(close, "close").length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException("high, low and close must have the same length");
        }
        double[] out = Outputs.nanBefore(n, period - 1);
        RollingExtremes extremes = new RollingExtremes(period);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                extremes.add(high[i], low[i]);
                if (i >= period - 1) {
                    out[i] = value(extremes.highest(), extremes.lowest(), close[i]);
                }
            }
        }
        return out;
    }

    private static double value(double highest, double lowest, double close) {
        double diff = (highest - lowest) / -100.0;
        return diff != 0 ? (highest - close) / diff : 0;
    }

    public double next(double high, double low, double close) {
        extremes.add(high, low);
        return extremes.full() ? value(extremes.highest(), extremes.lowest(), close) : Double.NaN;
    }
}
