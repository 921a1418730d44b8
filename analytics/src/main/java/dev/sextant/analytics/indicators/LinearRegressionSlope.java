package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;

/**
 * Slope of the least-squares line through the last {@code period} values, per bar (TA-Lib {@code
 * LINEARREG_SLOPE}); lookback {@code period - 1}. Like TA-Lib, it sums the window afresh for every
 * bar, oldest value first, so O(period) per bar: the slope is a difference of two large products
 * ({@code n * sum(age * y)} and {@code sum(age) * sum(y)}), and running sums moved in O(1) drifted
 * from TA-Lib by 2e-9 relative within a thousand bars of real BTC prices.
 */
public final class LinearRegressionSlope {

    private final int period;
    private final double sumX;
    private final double divisor;
    private final double[] window;
    private int position;
    private long count;

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
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        if (count < period) {
            return Double.NaN;
        }
        // position now points at the oldest value; x is a value's age, period - 1 for the oldest.
        double sumY = 0;
        double sumXY = 0;
        int index = position;
        for (int age = period - 1; age >= 0; age--) {
            double y = window[index];
            sumY += y;
            sumXY += age * y;
            index = index + 1 == period ? 0 : index + 1;
        }
        return period == 1 ? 0 : (period * sumXY - sumX * sumY) / divisor;
    }
}
