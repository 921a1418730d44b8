package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Kaufman adaptive moving average (TA-Lib {@code KAMA}): an EMA whose smoothing follows the
 * efficiency ratio (net change over the sum of absolute changes across {@code period} bars),
 * between the constants of 2- and 30-bar EMAs, squared. Lookback {@code period}; TA-Lib's order of
 * operations and its quirks (a net change at least the total counts as fully efficient).
 */
public final class Kama {

    private static final double SLOWEST = 2.0 / (30.0 + 1.0);
    private static final double SPREAD = 2.0 / (2.0 + 1.0) - SLOWEST;

    private final int period;
    private final double[] window;
    private long count;
    private double sumOfChanges;
    private double trailingValue;
    private double kama;

    public Kama(int period) {
        this.period = Check.positive(period, "period");
        this.window = new double[period + 1];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period");
    }

    /**
     * Whatever the period: the smoothing never falls below the slowest constant squared, so the
     * average keeps at most {@code 1 - SLOWEST^2} of itself per bar ({@link UnstablePeriod}; a
     * bound, reached only while prices make no net progress).
     */
    public static int unstablePeriod() {
        return UnstablePeriod.ofDecay(1 - SLOWEST * SLOWEST);
    }

    public static double[] of(double[] values, int period) {
        Kama kama = new Kama(period);
        double[] out = new double[Check.notNull(values, "values").length];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < values.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(values.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = kama.next(values[i]);
            }
        }
        return out;
    }

    public double next(double value) {
        long t = count++;
        window[(int) (t % (period + 1))] = value;
        if (t == 0) {
            return Double.NaN;
        }
        double previous = at(t - 1);
        if (t < period) {
            sumOfChanges += Math.abs(previous - value);
            return Double.NaN;
        }
        double old = at(t - period);
        if (t == period) {
            sumOfChanges += Math.abs(previous - value);
            kama = previous;
        } else {
            sumOfChanges -= Math.abs(trailingValue - old);
            sumOfChanges += Math.abs(value - previous);
        }
        double netChange = value - old;
        trailingValue = old;
        double efficiency = sumOfChanges <= netChange || (sumOfChanges > -1e-8 && sumOfChanges < 1e-8)
                ? 1.0
                : Math.abs(netChange / sumOfChanges);
        double smoothing = (efficiency * SPREAD) + SLOWEST;
        smoothing *= smoothing;
        kama = ((value - kama) * smoothing) + kama;
        return kama;
    }

    private double at(long index) {
        return window[(int) (index % (period + 1))];
    }
}
