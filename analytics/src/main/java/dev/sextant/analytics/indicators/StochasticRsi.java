package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;

/**
 * Stochastic RSI (TA-Lib {@code STOCHRSI}): the fast stochastic of the RSI, %K where the RSI lies in
 * its range of the last {@code fastk} values (0 to 100; 0 for an empty range) and %D its {@code
 * fastd}-value SMA. Lookback {@code period + fastk - 1 + fastd - 1}.
 */
public final class StochasticRsi {

    /** Fast %K and fast %D, aligned with the input. */
    public record Lines(double[] k, double[] d) {}

    /** One bar's values. */
    public record Point(double k, double d) {}

    private final Rsi rsi;
    private final RollingExtremes extremes;
    private final Sma fastD;
    private final int lookback;
    private long count;

    public StochasticRsi(int period, int fastk, int fastd) {
        this.rsi = new Rsi(period, true);
        this.extremes = new RollingExtremes(Check.positive(fastk, "fastk"));
        this.fastD = new Sma(fastd);
        this.lookback = lookback(period, fastk, fastd);
    }

    public static int lookback(int period, int fastk, int fastd) {
        return Rsi.lookback(period) + Check.positive(fastk, "fastk") - 1 + Check.positive(fastd, "fastd") - 1;
    }

    /**
     * The RSI's ({@link UnstablePeriod#wilder}); none for {@code fastk} 1, whose stochastic of a
     * single value is 0 whatever the RSI.
     */
    public static int unstablePeriod(int period, int fastk) {
        return Check.positive(fastk, "fastk") == 1 ? 0 : UnstablePeriod.wilder(period);
    }

    public static Lines of(double[] values, int period, int fastk, int fastd) {
        StochasticRsi indicator = new StochasticRsi(period, fastk, fastd);
        double[] k = new double[Check.notNull(values, "values").length];
        double[] d = new double[values.length];
        Arrays.fill(k, Double.NaN);
        Arrays.fill(d, Double.NaN);
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < values.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(values.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                Point point = indicator.next(values[i]);
                k[i] = point.k();
                d[i] = point.d();
            }
        }
        return new Lines(k, d);
    }

    public Point next(double value) {
        count++;
        double strength = rsi.next(value);
        if (Double.isNaN(strength)) {
            return new Point(Double.NaN, Double.NaN);
        }
        extremes.add(strength, strength);
        if (!extremes.full()) {
            return new Point(Double.NaN, Double.NaN);
        }
        double highest = extremes.highest();
        double lowest = extremes.lowest();
        double range = (highest - lowest) / 100.0;
        double k = range != 0 ? (strength - lowest) / range : 0;
        double d = fastD.next(k);
        return count <= lookback ? new Point(Double.NaN, Double.NaN) : new Point(k, d);
    }
}
