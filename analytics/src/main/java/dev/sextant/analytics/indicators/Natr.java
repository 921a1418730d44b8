package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/** Normalized average true range (TA-Lib {@code NATR}): ATR as a percentage of the close (0 at a zero close). */
public final class Natr {

    private final Atr atr;

    public Natr(int period) {
        this.atr = new Atr(period);
    }

    public static int lookback(int period) {
        return Atr.lookback(period);
    }

    public static double[] of(double[] high, double[] low, double[] close, int period) {
        double[] out = Atr.of(high, low, close, period);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = Check.positive(period, "period"); block < out.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(out.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = normalize(out[i], close[i]);
            }
        }
        return out;
    }

    private static double normalize(double atr, double close) {
        return close != 0 ? (atr / close) * 100 : 0;
    }

    public double next(double high, double low, double close) {
        double value = atr.next(high, low, close);
        return Double.isNaN(value) ? value : normalize(value, close);
    }
}
