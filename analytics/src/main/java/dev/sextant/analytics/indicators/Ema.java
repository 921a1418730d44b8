package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import java.util.Arrays;

/**
 * Exponential moving average (TA-Lib {@code EMA}, classic seeding): the first value, at index
 * {@code period - 1}, is the SMA of the first {@code period} values; then {@code ema += (x - ema) * k}
 * with {@code k = 2 / (period + 1)}.
 */
public final class Ema {

    private final int period;
    private final double k;
    private long count;
    private double seedTotal;
    private double ema;

    public Ema(int period) {
        this.period = Check.positive(period, "period");
        this.k = smoothing(period);
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
        double[] out = new double[values.length];
        Arrays.fill(out, Double.NaN);
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
        for (int i = seedIndex + 1; i < values.length; i++) {
            ema = ((values[i] - ema) * k) + ema;
            out[i] = ema;
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
        ema = ((value - ema) * k) + ema;
        return ema;
    }
}
