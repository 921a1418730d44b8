package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * On-balance volume (TA-Lib {@code OBV}): starts at the first bar's volume, then adds each bar's
 * volume when the close rose, subtracts it when it fell. No lookback.
 */
public final class Obv {

    private long count;
    private double previousClose;
    private double obv;

    public static double[] of(double[] close, double[] volume) {
        int n = Check.notNull(close, "close").length;
        if (volume.length != n) {
            throw new IllegalArgumentException("close and volume must have the same length");
        }
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        double obv = volume[0];
        double previous = close[0];
        out[0] = obv;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 1; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                double price = close[i];
                if (price > previous) {
                    obv += volume[i];
                } else if (price < previous) {
                    obv -= volume[i];
                }
                out[i] = obv;
                previous = price;
            }
        }
        return out;
    }

    public double next(double close, double volume) {
        count++;
        if (count == 1) {
            obv = volume;
        } else if (close > previousClose) {
            obv += volume;
        } else if (close < previousClose) {
            obv -= volume;
        }
        previousClose = close;
        return obv;
    }
}
