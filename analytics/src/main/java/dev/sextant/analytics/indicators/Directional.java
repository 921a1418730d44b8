package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Wilder's directional movement (TA-Lib {@code PLUS_DI}, {@code MINUS_DI}, {@code ADX}): +DI and
 * -DI from Wilder-smoothed directional movement over the smoothed true range (lookback {@code
 * period}), and ADX, the smoothed DX (lookback {@code 2 period - 1}), in TA-Lib's order of
 * operations: the smoothing subtracts a {@code 1/period} share, then adds the new value.
 */
public final class Directional {

    /** +DI, -DI and ADX, aligned with the input. */
    public record Lines(double[] plusDi, double[] minusDi, double[] adx) {}

    /** One bar's values. */
    public record Point(double plusDi, double minusDi, double adx) {}

    private final int period;
    private long count;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double trueRange;
    private double sumDx;
    private double adx;

    public Directional(int period) {
        this.period = Check.positive(period, "period");
    }

    public static int diLookback(int period) {
        return Check.positive(period, "period");
    }

    public static int adxLookback(int period) {
        return 2 * Check.positive(period, "period") - 1;
    }

    public static Lines of(double[] high, double[] low, double[] close, int period) {
        int n = Check.notNull(close, "close").length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException("high, low and close must have the same length");
        }
        Directional directional = new Directional(period);
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] adx = new double[n];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                Point point = directional.next(high[i], low[i], close[i]);
                plus[i] = point.plusDi();
                minus[i] = point.minusDi();
                adx[i] = point.adx();
            }
        }
        return new Lines(plus, minus, adx);
    }

    public Point next(double high, double low, double close) {
        long step = count++;
        if (step == 0) {
            previousHigh = high;
            previousLow = low;
            previousClose = close;
            return new Point(Double.NaN, Double.NaN, Double.NaN);
        }
        double up = high - previousHigh;
        double down = previousLow - low;
        double range = Atr.trueRange(high, low, previousClose);
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        if (step < period) {
            if (down > 0 && up < down) {
                minusDm += down;
            } else if (up > 0 && up > down) {
                plusDm += up;
            }
            trueRange += range;
            return new Point(Double.NaN, Double.NaN, Double.NaN);
        }
        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
        if (down > 0 && up < down) {
            minusDm += down;
        } else if (up > 0 && up > down) {
            plusDm += up;
        }
        trueRange = trueRange - (trueRange / period) + range;
        double plusDi = Double.NaN;
        double minusDi = Double.NaN;
        double dx = Double.NaN;
        if (!isZero(trueRange)) {
            minusDi = 100.0 * (minusDm / trueRange);
            plusDi = 100.0 * (plusDm / trueRange);
            double sum = minusDi + plusDi;
            if (!isZero(sum)) {
                dx = 100.0 * (Math.abs(minusDi - plusDi) / sum);
            }
        }
        Point point;
        if (step < 2L * period - 1) {
            if (!Double.isNaN(dx)) {
                sumDx += dx;
            }
            point = new Point(di(plusDi), di(minusDi), Double.NaN);
        } else if (step == 2L * period - 1) {
            if (!Double.isNaN(dx)) {
                sumDx += dx;
            }
            adx = sumDx / period;
            point = new Point(di(plusDi), di(minusDi), adx);
        } else {
            if (!Double.isNaN(dx)) {
                adx = ((adx * (period - 1)) + dx) / period;
            }
            point = new Point(di(plusDi), di(minusDi), adx);
        }
        return point;
    }

    /** TA-Lib answers 0 for a DI whose true range is zero. */
    private static double di(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static boolean isZero(double value) {
        return value > -1e-8 && value < 1e-8;
    }
}
