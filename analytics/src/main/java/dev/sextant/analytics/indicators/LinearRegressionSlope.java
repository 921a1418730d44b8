package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Slope of the least-squares line through the last {@code period} values, per bar (TA-Lib {@code
 * LINEARREG_SLOPE}); lookback {@code period - 1}. TA-Lib sums each window afresh; here the sums of
 * {@code y} and of {@code age * y} move in O(1) (every value ages by one, the oldest leaves), and
 * once every {@code period} bars they are summed afresh in TA-Lib's order: O(1) amortized. The
 * slope is a difference of two large products ({@code n * sum(age * y)} and {@code sum(age) *
 * sum(y)}), so sums that only ever moved drifted from TA-Lib by 2e-9 within a thousand bars of
 * real BTC prices; re-summed, they stay within a period's rounding.
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
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < values.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(values.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = slope.next(values[i]);
            }
        }
        return out;
    }

    public double next(double value) {
        double leaving = window[position];
        window[position] = value;
        position = position + 1 == period ? 0 : position + 1;
        count++;
        if (count % period == 0) {
            resum();
        } else if (count < period) {
            // Filling the first window: everything present ages by one.
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

    /** The window's sums afresh, oldest value first, as TA-Lib sums them. */
    private void resum() {
        sumY = 0;
        sumXY = 0;
        int index = position; // the oldest value
        for (int age = period - 1; age >= 0; age--) {
            double y = window[index];
            sumY += y;
            sumXY += age * y;
            index = index + 1 == period ? 0 : index + 1;
        }
    }
}
