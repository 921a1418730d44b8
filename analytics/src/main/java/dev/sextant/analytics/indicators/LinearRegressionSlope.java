package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;

/**
 * Slope of the least-squares line through the last {@code period} values, per bar (TA-Lib {@code
 * LINEARREG_SLOPE}); lookback {@code period - 1}. TA-Lib rescans the window for every bar; here the
 * sums of {@code y} and of {@code age * y} move in O(1): every value ages by one, the oldest leaves.
 */
public final class LinearRegressionSlope {

    private final int period;
    private final double sumX;
    private final double divisor;
    private final double[] window;
    private int position;
    private long count;
    private double sumY;
    private double sumXY;

    public LinearRegressionSlope(int period) {
        this.period = Check.positive(period, "period");
        this.sumX = period * (period - 1) * 0.5;
        this.divisor = sumX * sumX - period * (period * (period - 1.0) * (2.0 * period - 1) / 6);
        this.window = new double[period];
    }

    public static int lookback(int period) {
        return Check.positive(period, "period") - 1;
    }

    public static double[] of(double[] values, int period) {
        Check.notNull(values, "values");
        LinearRegressionSlope slope = new LinearRegressionSlope(period);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = slope.next(values[i]);
        }
        return out;
    }

    public double next(double value) {
        double leaving = window[position];
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        // x is a value's age: 0 for the newest. Everything present ages by one; the oldest leaves.
        if (count <= period) {
            sumXY += sumY;
            sumY += value;
        } else {
            sumXY += sumY - leaving - (period - 1) * leaving;
            sumY += value - leaving;
        }
        if (count < period) {
            return Double.NaN;
        }
        return period == 1 ? 0 : (period * sumXY - sumX * sumY) / divisor;
    }
}
