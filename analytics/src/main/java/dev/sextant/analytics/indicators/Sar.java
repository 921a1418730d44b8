package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Parabolic SAR (TA-Lib {@code SAR}): a stop that trails the trend and accelerates by {@code
 * acceleration} at each new extreme, up to {@code maximum}, flipping when the price crosses it.
 * Lookback 1: the first two bars decide the starting direction (down when the second bar's low
 * fell further than its high rose), as in TA-Lib.
 */
public final class Sar {

    private final double acceleration;
    private final double maximum;
    private long count;
    private boolean rising;
    private double sar;
    private double extreme;
    private double factor;
    private double lastHigh;
    private double lastLow;

    public Sar(double acceleration, double maximum) {
        Check.positive(acceleration, "acceleration");
        Check.positive(maximum, "maximum");
        this.acceleration = Math.min(acceleration, maximum);
        this.maximum = maximum;
    }

    public static int lookback() {
        return 1;
    }

    /**
     * Within a trend the stop keeps at most {@code 1 - acceleration} of itself per bar (its factor
     * starts at the acceleration and only grows), and a reversal both streams take at the same bar
     * restarts it from that bar's extremes: the decay's {@link UnstablePeriod}.
     */
    public static int unstablePeriod(double acceleration, double maximum) {
        Check.positive(acceleration, "acceleration");
        Check.positive(maximum, "maximum");
        return UnstablePeriod.ofDecay(1 - Math.min(acceleration, maximum));
    }

    public static double[] of(double[] high, double[] low, double acceleration, double maximum) {
        int n = Check.notNull(high, "high").length;
        if (low.length != n) {
            throw new IllegalArgumentException("high and low must have the same length");
        }
        Sar sar = new Sar(acceleration, maximum);
        double[] out = new double[n];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = sar.next(high[i], low[i]);
            }
        }
        return out;
    }

    public double next(double high, double low) {
        long step = count++;
        if (step == 0) {
            lastHigh = high;
            lastLow = low;
            return Double.NaN;
        }
        if (step == 1) {
            double up = high - lastHigh;
            double down = lastLow - low;
            double minusDm = down > 0 && up < down ? down : 0;
            rising = !(minusDm > 0);
            factor = acceleration;
            if (rising) {
                extreme = high;
                sar = lastLow;
            } else {
                extreme = low;
                sar = lastHigh;
            }
            // TA-Lib lets the first bar be its own predecessor.
            lastHigh = high;
            lastLow = low;
        }
        double previousHigh = lastHigh;
        double previousLow = lastLow;
        lastHigh = high;
        lastLow = low;
        double out;
        if (rising) {
            if (low <= sar) {
                rising = false;
                sar = Math.max(Math.max(extreme, previousHigh), high);
                out = sar;
                factor = acceleration;
                extreme = low;
                sar = sar + factor * (extreme - sar);
                sar = Math.max(Math.max(sar, previousHigh), high);
            } else {
                out = sar;
                if (high > extreme) {
                    extreme = high;
                    factor = Math.min(factor + acceleration, maximum);
                }
                sar = sar + factor * (extreme - sar);
                sar = Math.min(Math.min(sar, previousLow), low);
            }
        } else {
            if (high >= sar) {
                rising = true;
                sar = Math.min(Math.min(extreme, previousLow), low);
                out = sar;
                factor = acceleration;
                extreme = high;
                sar = sar + factor * (extreme - sar);
                sar = Math.min(Math.min(sar, previousLow), low);
            } else {
                out = sar;
                if (low < extreme) {
                    extreme = low;
                    factor = Math.min(factor + acceleration, maximum);
                }
                sar = sar + factor * (extreme - sar);
                sar = Math.max(Math.max(sar, previousHigh), high);
            }
        }
        return out;
    }
}
