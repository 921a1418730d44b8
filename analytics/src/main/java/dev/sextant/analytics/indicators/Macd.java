package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
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
        Arrays.fill(macd, Double.NaN);
        Arrays.fill(signalLine, Double.NaN);
        Arrays.fill(histogram, Double.NaN);
        if (n <= lookback) {
            return new Lines(macd, signalLine, histogram);
        }
        int seedIndex = longPeriod - 1;
        double[] fastEma = new double[n];
        double[] slowEma = new double[n];
        Ema.seeded(values, seedIndex, shortPeriod, Ema.smoothing(shortPeriod), fastEma);
        Ema.seeded(values, seedIndex, longPeriod, Ema.smoothing(longPeriod), slowEma);
        double[] line = new double[n];
        for (int i = seedIndex; i < n; i++) {
            line[i] = fastEma[i] - slowEma[i];
        }
        double[] smoothed = new double[n];
        Ema.seeded(line, lookback, signal, Ema.smoothing(signal), smoothed);
        for (int i = lookback; i < n; i++) {
            macd[i] = line[i];
            signalLine[i] = smoothed[i];
            histogram[i] = line[i] - smoothed[i];
        }
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
            fastEma = ((value - fastEma) * fastK) + fastEma;
            slowEma = ((value - slowEma) * slowK) + slowEma;
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
            signal = ((line - signal) * signalK) + signal;
        }
        return new Point(line, signal, line - signal);
    }
}
