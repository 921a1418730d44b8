package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Exponential moving average (TA-Lib {@code EMA}, classic seeding): the first value, at index
 * {@code period - 1}, is the SMA of the first {@code period} values; then {@code ema = ema * (1 - k) +
 * x * k} with {@code k = 2 / (period + 1)}. TA-Lib writes {@code ema += (x - ema) * k}: the same
 * number to within a few units in the last place, but ours leaves one multiplication and one
 * addition on the chain from bar to bar, which makes the kernel faster.
 */
public final class Ema {

    private final int period;
    private final double k;
    private final double decay;
    private long count;
    private double seedTotal;
    private double ema;

    public Ema(int period) {
        this.period = Check.positive(period, "period");
        this.k = smoothing(period);
        this.decay = 1 - k;
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    static double smoothing(int period) {
        return 2.0 / (period + 1);
    }

    public static double[] of(double[] values, int period) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        double[] out = Outputs.nanBefore(values.length, period - 1);
        if (values.length < period) {
            return out;
        }
        seeded(values, period - 1, period, smoothing(period), out);
        return out;
    }

    /**
     * TA-Lib's inner EMA: seeded at {@code seedIndex} with the SMA of the {@code period} values
     * ending there, then smoothed to the end of {@code values}; results written from {@code seedIndex}.
     */
    static void seeded(double[] values, int seedIndex, int period, double k, double[] out) {
        double total = 0;
        for (int i = seedIndex - period + 1; i <= seedIndex; i++) {
            total += values[i];
        }
        double ema = total / period;
        out[seedIndex] = ema;
        double decay = 1 - k;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = seedIndex + 1; block < values.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(values.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                ema = ema * decay + values[i] * k;
                out[i] = ema;
            }
        }
    }

    public double next(double value) {
        count++;
        if (count < period) {
            seedTotal += value;
            return Double.NaN;
        }
        if (count == period) {
            seedTotal += value;
            ema = seedTotal / period;
            return ema;
        }
        ema = ema * decay + value * k;
        return ema;
    }
}
