package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;

/**
 * Moving average convergence/divergence (TA-Lib {@code MACD}): the fast and slow EMAs are both
 * seeded at index {@code slow - 1} (the fast one with the SMA of the {@code fast} values ending
 * there, as TA-Lib does), the signal is the EMA of the MACD line, and all three outputs start at
 * TA-Lib's lookback {@code slow - 1 + signal - 1}.
 */
public final class Macd {

    /** The MACD line, its signal line and their difference, each aligned with the input. */
    public record Lines(double[] macd, double[] signal, double[] histogram) {}

    /** One bar's values. */
    public record Point(double macd, double signal, double histogram) {}

    private static final Point WARMING_UP = new Point(Double.NaN, Double.NaN, Double.NaN);

    private final int fast;
    private final int slow;
    private final int signalPeriod;
    private final double fastK;
    private final double slowK;
    private final double signalK;
    private final double[] firstValues;
    private final double[] firstMacd;
    private long count;
    private double fastEma;
    private double slowEma;
    private double signal;

    public Macd(int fast, int slow, int signal) {
        Check.positive(fast, "fast");
        Check.positive(slow, "slow");
        // TA-Lib swaps periods given the wrong way round.
        this.fast = Math.min(fast, slow);
        this.slow = Math.max(fast, slow);
        this.signalPeriod = Check.positive(signal, "signal");
        this.fastK = Ema.smoothing(this.fast);
        this.slowK = Ema.smoothing(this.slow);
        this.signalK = Ema.smoothing(signal);
        this.firstValues = new double[this.slow];
        this.firstMacd = new double[signal];
    }

    public static int lookback(int fast, int slow, int signal) {
        return Math.max(Check.positive(fast, "fast"), Check.positive(slow, "slow"))
                - 1
                + Check.positive(signal, "signal")
                - 1;
    }

    public static Lines of(double[] values, int fast, int slow, int signal) {
        Check.notNull(values, "values");
        int lookback = lookback(fast, slow, signal);
        int shortPeriod = Math.min(fast, slow);
        int longPeriod = Math.max(fast, slow);
        int n = values.length;
        double[] macd = new double[n];
        double[] signalLine = new double[n];
        double[] histogram = new double[n];
        int empty = Math.min(n, lookback);
        Arrays.fill(signalLine, 0, empty, Double.NaN);
        Arrays.fill(histogram, 0, empty, Double.NaN);
        if (n <= lookback) {
            Arrays.fill(macd, Double.NaN);
            return new Lines(macd, signalLine, histogram);
        }
        Arrays.fill(macd, 0, longPeriod - 1, Double.NaN);
        // One pass for both EMAs, the MACD line kept in macd[] from the seed on; no temporary arrays.
        int seedIndex = longPeriod - 1;
        double fastK = Ema.smoothing(shortPeriod);
        double slowK = Ema.smoothing(longPeriod);
        double fastDecay = 1 - fastK;
        double slowDecay = 1 - slowK;
        double fastTotal = 0;
        for (int i = seedIndex - shortPeriod + 1; i <= seedIndex; i++) {
            fastTotal += values[i];
        }
        double slowTotal = 0;
        for (int i = 0; i <= seedIndex; i++) {
            slowTotal += values[i];
        }
        double fastEma = fastTotal / shortPeriod;
        double slowEma = slowTotal / longPeriod;
        macd[seedIndex] = fastEma - slowEma;
        for (int i = seedIndex + 1; i < n; i++) {
            double value = values[i];
            fastEma = fastEma * fastDecay + value * fastK;
            slowEma = slowEma * slowDecay + value * slowK;
            macd[i] = fastEma - slowEma;
        }
        double signalK = Ema.smoothing(signal);
        double signalDecay = 1 - signalK;
        double signalTotal = 0;
        for (int i = seedIndex; i <= lookback; i++) {
            signalTotal += macd[i];
        }
        double smoothed = signalTotal / signal;
        signalLine[lookback] = smoothed;
        histogram[lookback] = macd[lookback] - smoothed;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = lookback + 1; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                double line = macd[i];
                smoothed = smoothed * signalDecay + line * signalK;
                signalLine[i] = smoothed;
                histogram[i] = line - smoothed;
            }
        }
        // TA-Lib outputs the line only from the signal's lookback on.
        Arrays.fill(macd, seedIndex, lookback, Double.NaN);
        return new Lines(macd, signalLine, histogram);
    }

    public Point next(double value) {
        count++;
        if (count < slow) {
            firstValues[(int) count - 1] = value;
            return WARMING_UP;
        }
        double line;
        if (count == slow) {
            firstValues[slow - 1] = value;
            double fastTotal = 0;
            for (int i = slow - fast; i < slow; i++) {
                fastTotal += firstValues[i];
            }
            double slowTotal = 0;
            for (int i = 0; i < slow; i++) {
                slowTotal += firstValues[i];
            }
            fastEma = fastTotal / fast;
            slowEma = slowTotal / slow;
        } else {
            fastEma = fastEma * (1 - fastK) + value * fastK;
            slowEma = slowEma * (1 - slowK) + value * slowK;
        }
        line = fastEma - slowEma;
        long lineCount = count - slow + 1;
        if (lineCount < signalPeriod) {
            firstMacd[(int) lineCount - 1] = line;
            return WARMING_UP;
        }
        if (lineCount == signalPeriod) {
            firstMacd[signalPeriod - 1] = line;
            double total = 0;
            for (int i = 0; i < signalPeriod; i++) {
                total += firstMacd[i];
            }
            signal = total / signalPeriod;
        } else {
            signal = signal * (1 - signalK) + line * signalK;
        }
        return new Point(line, signal, line - signal);
    }
}
