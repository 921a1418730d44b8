package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Bollinger Bands (TA-Lib {@code BBANDS} over an SMA): the middle band is the SMA, the others lie
 * {@code stddevUp} and {@code stddevDown} population standard deviations above and below it.
 * The deviation is computed as TA-Lib does, from running sums of values and of their squares, in
 * TA-Lib's order of operations.
 */
public final class Bollinger {

    /** The three bands, each aligned with the input. */
    public record Bands(double[] upper, double[] middle, double[] lower) {}

    /** One bar's bands. */
    public record Point(double upper, double middle, double lower) {}

    private final int period;
    private final double stddevUp;
    private final double stddevDown;
    private final double[] window;
    private int position;
    private long count;
    private double total;
    private double totalOfSquares;

    public Bollinger(int period, double stddevUp, double stddevDown) {
        this.period = Check.positive(period, "period");
        this.stddevUp = stddevUp;
        this.stddevDown = stddevDown;
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static Bands of(double[] values, int period, double stddevUp, double stddevDown) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        int n = values.length;
        double[] upper = Outputs.nanBefore(n, period - 1);
        double[] middle = Outputs.nanBefore(n, period - 1);
        double[] lower = Outputs.nanBefore(n, period - 1);
        if (n < period) {
            return new Bands(upper, middle, lower);
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
                    double mean = total / period;
                    double deviation = deviation(totalOfSquares, mean, period);
                    middle[i] = mean;
                    upper[i] = mean + stddevUp * deviation;
                    lower[i] = mean - stddevDown * deviation;
                    // Added, then the leaving value taken out after the output, exactly as TA-Lib orders it:
                    // the variance is a difference of large sums, so the order shows in the result.
                    double leaving = values[i - period + 1];
                    total -= leaving;
                    totalOfSquares -= leaving * leaving;
                }
            }
        }
        return new Bands(upper, middle, lower);
    }

    static double deviation(double totalOfSquares, double mean, int period) {
        double variance = totalOfSquares / period - mean * mean;
        return variance > 1e-8 ? Math.sqrt(variance) : 0;
    }

    /** Takes the next value; answers its bands, or all NaN during the first {@code period - 1}. */
    public Point next(double value) {
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        total += value;
        totalOfSquares += value * value;
        if (count < period) {
            return new Point(Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = total / period;
        double deviation = deviation(totalOfSquares, mean, period);
        double leaving = window[position];
        total -= leaving;
        totalOfSquares -= leaving * leaving;
        return new Point(mean + stddevUp * deviation, mean, mean - stddevDown * deviation);
    }
}
