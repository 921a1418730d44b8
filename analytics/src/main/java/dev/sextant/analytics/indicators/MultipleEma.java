package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Double and triple exponential moving averages (TA-Lib {@code DEMA}: {@code 2 e1 - e2}, lookback
 * {@code 2 (period - 1)}; {@code TEMA}: {@code 3 e1 - 3 e2 + e3}, lookback {@code 3 (period - 1)}),
 * where each {@code e} is the EMA of the one before, seeded by the SMA of its first values.
 */
public final class MultipleEma {

    private final int depth;
    private final Ema first;
    private final Ema second;
    private final Ema third;

    private MultipleEma(int period, int depth) {
        Check.positive(period, "period");
        this.depth = depth;
        this.first = new Ema(period);
        this.second = new Ema(period);
        this.third = new Ema(period);
    }

    public static MultipleEma dema(int period) {
        return new MultipleEma(period, 2);
    }

    public static MultipleEma tema(int period) {
        return new MultipleEma(period, 3);
    }

    public static int demaLookback(int period) {
        return 2 * (Check.positive(period, "period") - 1);
    }

    public static int temaLookback(int period) {
        return 3 * (Check.positive(period, "period") - 1);
    }

    public static double[] dema(double[] values, int period) {
        return of(values, period, 2);
    }

    public static double[] tema(double[] values, int period) {
        return of(values, period, 3);
    }

    private static double[] of(double[] values, int period, int depth) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        int n = values.length;
        int lookback = depth * (period - 1);
        double[] out = Outputs.nanBefore(n, lookback);
        if (n <= lookback) {
            return out;
        }
        double k = Ema.smoothing(period);
        double[] e1 = new double[n];
        Ema.seeded(values, period - 1, period, k, e1);
        double[] e2 = new double[n];
        Ema.seeded(e1, 2 * (period - 1), period, k, e2);
        if (depth == 2) {
            for (int i = lookback; i < n; i++) {
                out[i] = 2 * e1[i] - e2[i];
            }
            return out;
        }
        double[] e3 = new double[n];
        Ema.seeded(e2, lookback, period, k, e3);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = lookback; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = 3 * e1[i] - 3 * e2[i] + e3[i];
            }
        }
        return out;
    }

    public double next(double value) {
        double e1 = first.next(value);
        if (Double.isNaN(e1)) {
            return Double.NaN;
        }
        double e2 = second.next(e1);
        if (Double.isNaN(e2)) {
            return Double.NaN;
        }
        if (depth == 2) {
            return 2 * e1 - e2;
        }
        double e3 = third.next(e2);
        return Double.isNaN(e3) ? Double.NaN : 3 * e1 - 3 * e2 + e3;
    }
}
