package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import java.util.Arrays;

/** Simple moving average (TA-Lib {@code SMA}): lookback {@code period - 1}. */
public final class Sma {

    private final int period;
    private final double[] window;
    private int position;
    private long count;
    private double total;

    public Sma(int period) {
        this.period = Check.positive(period, "period");
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    /** The SMA of each position, NaN where fewer than {@code period} values precede it. */
    public static double[] of(double[] values, int period) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        double[] out = new double[values.length];
        Arrays.fill(out, 0, Math.min(values.length, period - 1), Double.NaN);
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i];
            if (i >= period - 1) {
                out[i] = total / period;
                // The oldest value leaves the window after the output, as TA-Lib does it.
                total -= values[i - period + 1];
            }
        }
        return out;
    }

    /** Takes the next value; answers the SMA ending at it, or NaN during the first {@code period - 1}. */
    public double next(double value) {
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        total += value;
        if (count < period) {
            return Double.NaN;
        }
        double out = total / period;
        total -= window[position];
        return out;
    }
}
