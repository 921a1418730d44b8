package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Relative strength index (TA-Lib {@code RSI}): Wilder's smoothing of gains and losses, seeded by
 * their simple averages over the first {@code period} changes; lookback {@code period}. A flat
 * stretch (no gains, no losses) reads 0, as in TA-Lib. The smoothing is written {@code avg * (p-1)/p
 * + x / p} with both factors computed once (TA-Lib multiplies, adds, then divides): the same number
 * to within a few units in the last place, without a division on the chain from bar to bar.
 */
public final class Rsi {

    private final int period;
    private final double keep;
    private final double add;
    private final boolean taLibOrder;
    private long count;
    private double previous;
    private double gain;
    private double loss;

    public Rsi(int period) {
        this(period, false);
    }

    /**
     * @param taLibOrder smooth exactly as TA-Lib does (multiply, add, divide). Indicators that
     *     magnify the RSI's last bits need it: the stochastic of a nearly flat RSI divides by its
     *     tiny range, so an ulp of difference shows as anything from 0 to 100.
     */
    Rsi(int period, boolean taLibOrder) {
        this.period = Check.positive(period, "period");
        this.keep = (period - 1.0) / period;
        this.add = 1.0 / period;
        this.taLibOrder = taLibOrder;
    }

    public static int lookback(int period) {
        return Check.positive(period, "period");
    }

    public static double[] of(double[] values, int period) {
        Check.notNull(values, "values");
        Check.positive(period, "period");
        double[] out = Outputs.nanBefore(values.length, period);
        if (values.length <= period) {
            return out;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = values[i] - values[i - 1];
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
        }
        loss /= period;
        gain /= period;
        out[period] = rsi(gain, loss);
        double keep = (period - 1.0) / period;
        double add = 1.0 / period;
        // In blocks, so that the compute-limit check stays out of the recursive chain's loop.
        for (int block = period + 1; block < values.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int end = Math.min(values.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < end; i++) {
                double change = values[i] - values[i - 1];
                gain = gain * keep + Math.max(change, 0) * add;
                loss = loss * keep + Math.max(-change, 0) * add;
                out[i] = rsi(gain, loss);
            }
        }
        return out;
    }

    static double rsi(double gain, double loss) {
        double total = gain + loss;
        return total > -1e-8 && total < 1e-8 ? 0 : 100 * (gain / total);
    }

    public double next(double value) {
        count++;
        if (count == 1) {
            previous = value;
            return Double.NaN;
        }
        double change = value - previous;
        previous = value;
        if (count > period + 1 && !taLibOrder) {
            gain = gain * keep + Math.max(change, 0) * add;
            loss = loss * keep + Math.max(-change, 0) * add;
            return rsi(gain, loss);
        }
        if (count > period + 1) {
            loss *= period - 1;
            gain *= period - 1;
        }
        if (change < 0) {
            loss -= change;
        } else {
            gain += change;
        }
        if (count <= period) {
            return Double.NaN;
        }
        loss /= period;
        gain /= period;
        return rsi(gain, loss);
    }
}
