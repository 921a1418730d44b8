package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Standard deviation (TA-Lib {@code STDDEV}): the population standard deviation of the last {@code
 * period} values times {@code stddev}, from running sums of values and squares as TA-Lib computes
 * it (0 where the variance is not above 1e-8); lookback {@code period - 1}.
 */
public final class StdDev {

    private final int period;
    private final double multiplier;
    private final double[] window;
    private int position;
    private long count;
    private double total;
    private double totalOfSquares;

    public StdDev(int period, double stddev) {
        this.period = Check.positive(period, "period");
        this.multiplier = stddev;
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static double[] of(double[] values, int period, double stddev) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        int n = values.length;
        double[] out = Outputs.nanBefore(n, period - 1);
        if (n < period) {
            return out;
        }
        double total = 0;
        double totalOfSquares = 0;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                double value = values[i];
                total += value;
                totalOfSquares += value * value;
                if (i >= period - 1) {
                    out[i] = Bollinger.deviation(totalOfSquares, total / period, period) * stddev;
                    // TA-Lib's order (see Bollinger): the variance is a difference of large sums.
                    double leaving = values[i - period + 1];
                    total -= leaving;
                    totalOfSquares -= leaving * leaving;
                }
            }
        }
        return out;
    }

    public double next(double value) {
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        total += value;
        totalOfSquares += value * value;
        if (count < period) {
            return Double.NaN;
        }
        double out = Bollinger.deviation(totalOfSquares, total / period, period) * multiplier;
        double leaving = window[position];
        total -= leaving;
        totalOfSquares -= leaving * leaving;
        return out;
    }
}
