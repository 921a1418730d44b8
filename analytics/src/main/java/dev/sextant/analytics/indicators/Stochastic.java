package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;

/**
 * Stochastic oscillator (TA-Lib {@code STOCH} with simple moving averages): fast %K is where the
 * close lies in the range of the last {@code fastk} bars, from 0 to 100 (0 for an empty range);
 * slow %K is its {@code slowk}-bar SMA and slow %D the {@code slowd}-bar SMA of that. Both start at
 * TA-Lib's lookback {@code fastk - 1 + slowk - 1 + slowd - 1}.
 */
public final class Stochastic {

    /** Slow %K and slow %D, aligned with the input. */
    public record Lines(double[] k, double[] d) {}

    /** One bar's values. */
    public record Point(double k, double d) {}

    private final RollingExtremes extremes;
    private final Sma slowK;
    private final Sma slowD;
    private final int lookback;
    private long count;

    public Stochastic(int fastk, int slowk, int slowd) {
        this.extremes = new RollingExtremes(Check.positive(fastk, "fastk"));
        this.slowK = new Sma(slowk);
        this.slowD = new Sma(slowd);
        this.lookback = lookback(fastk, slowk, slowd);
    }

    public static int lookback(int fastk, int slowk, int slowd) {
        return Check.positive(fastk, "fastk")
                - 1
                + Check.positive(slowk, "slowk")
                - 1
                + Check.positive(slowd, "slowd")
                - 1;
    }

    public static Lines of(double[] high, double[] low, double[] close, int fastk, int slowk, int slowd) {
        int n = Check.notNull(close, "close").length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException("high, low and close must have the same length");
        }
        Stochastic stochastic = new Stochastic(fastk, slowk, slowd);
        double[] k = new double[n];
        double[] d = new double[n];
        Arrays.fill(k, Double.NaN);
        Arrays.fill(d, Double.NaN);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                Point point = stochastic.next(high[i], low[i], close[i]);
                k[i] = point.k();
                d[i] = point.d();
            }
        }
        return new Lines(k, d);
    }

    public Point next(double high, double low, double close) {
        count++;
        extremes.add(high, low);
        if (!extremes.full()) {
            return new Point(Double.NaN, Double.NaN);
        }
        double highest = extremes.highest();
        double lowest = extremes.lowest();
        double range = (highest - lowest) / 100.0;
        double fastK = range != 0 ? (close - lowest) / range : 0;
        double k = slowK.next(fastK);
        if (Double.isNaN(k)) {
            return new Point(Double.NaN, Double.NaN);
        }
        double d = slowD.next(k);
        // TA-Lib shows %K only where %D exists too.
        return count <= lookback ? new Point(Double.NaN, Double.NaN) : new Point(k, d);
    }
}
