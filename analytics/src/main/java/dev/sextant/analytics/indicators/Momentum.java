package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Momentum (TA-Lib {@code MOM}: {@code x[i] - x[i - period]}) and rate of change (TA-Lib {@code ROC}:
 * {@code (x[i] / x[i - period] - 1) * 100}, 0 where the old value is 0); lookback {@code period}.
 */
public final class Momentum {

    private final int period;
    private final boolean percent;
    private final double[] window;
    private int position;
    private long count;

    private Momentum(int period, boolean percent) {
        this.period = Check.positive(period, "period");
        this.percent = percent;
        this.window = new double[period];
    }

    /** Streaming MOM. */
    public static Momentum mom(int period) {
        return new Momentum(period, false);
    }

    /** Streaming ROC. */
    public static Momentum roc(int period) {
        return new Momentum(period, true);
    }

    public static int lookback(int period) {
        return Check.positive(period, "period");
    }

    public static double[] mom(double[] values, int period) {
        return of(values, period, false);
    }

    public static double[] roc(double[] values, int period) {
        return of(values, period, true);
    }

    private static double[] of(double[] values, int period, boolean percent) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        double[] out = Outputs.nanBefore(values.length, period);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = period; block < values.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(values.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = change(values[i], values[i - period], percent);
            }
        }
        return out;
    }

    private static double change(double now, double then, boolean percent) {
        if (!percent) {
            return now - then;
        }
        return then != 0 ? ((now / then) - 1.0) * 100.0 : 0;
    }

    public double next(double value) {
        double then = window[position];
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        return count <= period ? Double.NaN : change(value, then, percent);
    }
}
