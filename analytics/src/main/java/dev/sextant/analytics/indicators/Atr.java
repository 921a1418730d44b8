package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Average true range (TA-Lib {@code ATR}): the first value, at index {@code period}, is the mean
 * true range of bars 1 to {@code period}; then Wilder's smoothing, written {@code atr * (p-1)/p + tr / p}
 * with both factors computed once (see {@link Rsi}). A bar's true range needs the previous close,
 * so bar 0 has none.
 */
public final class Atr {

    private final int period;
    private final double keep;
    private final double add;
    private long count;
    private double previousClose;
    private double total;
    private double atr;

    public Atr(int period) {
        this.period = Check.positive(period, "period");
        this.keep = (period - 1.0) / period;
        this.add = 1.0 / period;
    }

    public static int lookback(int period) {
        return Check.positive(period, "period");
    }

    public static double[] of(double[] high, double[] low, double[] close, int period) {
        Check.positive(period, "period");
        int n = Check.notNull(close, "close").length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException("high, low and close must have the same length");
        }
        double[] out = Outputs.nanBefore(n, period);
        if (n <= period) {
            return out;
        }
        double total = 0;
        for (int i = 1; i <= period; i++) {
            total += trueRange(high[i], low[i], close[i - 1]);
        }
        double atr = total / period;
        out[period] = atr;
        double keep = (period - 1.0) / period;
        double add = 1.0 / period;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = period + 1; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                atr = atr * keep + trueRange(high[i], low[i], close[i - 1]) * add;
                out[i] = atr;
            }
        }
        return out;
    }

    /** TA-Lib's true range: the largest of high - low, |previous close - high|, |previous close - low|. */
    static double trueRange(double high, double low, double previousClose) {
        double greatest = high - low;
        double toHigh = Math.abs(previousClose - high);
        if (toHigh > greatest) {
            greatest = toHigh;
        }
        double toLow = Math.abs(previousClose - low);
        if (toLow > greatest) {
            greatest = toLow;
        }
        return greatest;
    }

    public double next(double high, double low, double close) {
        count++;
        double previous = previousClose;
        previousClose = close;
        if (count == 1) {
            return Double.NaN;
        }
        double range = trueRange(high, low, previous);
        if (count <= period) {
            total += range;
            return Double.NaN;
        }
        if (count == period + 1) {
            total += range;
            atr = total / period;
            return atr;
        }
        atr = atr * keep + range * add;
        return atr;
    }
}
