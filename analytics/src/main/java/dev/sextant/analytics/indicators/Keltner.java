package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Keltner channel (not in TA-Lib): the {@code period}-bar EMA of closes, with bands {@code
 * multiplier} {@code period}-bar ATRs above and below. Lookback {@code period} (the ATR's).
 */
public final class Keltner {

    /** The three lines, aligned with the input. */
    public record Channel(double[] upper, double[] middle, double[] lower) {}

    /** One bar's lines. */
    public record Point(double upper, double middle, double lower) {}

    private final Ema ema;
    private final Atr atr;
    private final double multiplier;

    public Keltner(int period, double multiplier) {
        this.ema = new Ema(period);
        this.atr = new Atr(period);
        this.multiplier = multiplier;
    }

    public static int lookback(int period) {
        return Check.positive(period, "period");
    }

    public static Channel of(double[] high, double[] low, double[] close, int period, double multiplier) {
        Keltner keltner = new Keltner(period, multiplier);
        int n = Check.notNull(close, "close").length;
        double[] upper = new double[n];
        double[] middle = new double[n];
        double[] lower = new double[n];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                Point point = keltner.next(high[i], low[i], close[i]);
                upper[i] = point.upper();
                middle[i] = point.middle();
                lower[i] = point.lower();
            }
        }
        return new Channel(upper, middle, lower);
    }

    public Point next(double high, double low, double close) {
        double average = ema.next(close);
        double range = atr.next(high, low, close);
        if (Double.isNaN(range)) {
            return new Point(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Point(average + multiplier * range, average, average - multiplier * range);
    }
}
