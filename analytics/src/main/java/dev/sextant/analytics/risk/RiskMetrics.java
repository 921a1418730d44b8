package dev.sextant.analytics.risk;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;

/**
 * Risk and performance of a return series. {@code periodsPerYear} annualizes (252 for trading
 * days, 365 for crypto days, 12 for months); rates are per period unless named annual.
 */
public final class RiskMetrics {

    /** The deepest fall from a running peak: its depth (a negative fraction) and where it happened. */
    public record Drawdown(double depth, int peakIndex, int troughIndex, int recoveryIndex) {
        /** Whether the price got back to the peak after the trough. */
        public boolean recovered() {
            return recoveryIndex >= 0;
        }
    }

    /** How value at risk is estimated. */
    public enum Method {
        /** From the returns as they happened (the empirical quantile). */
        HISTORICAL,
        /** From a normal distribution with the returns' mean and standard deviation. */
        PARAMETRIC
    }

    private RiskMetrics() {}

    /** Annualized volatility: the sample standard deviation times the square root of periods per year. */
    public static double volatility(double[] returns, int periodsPerYear) {
        Moments.requireAtLeast(returns, 2, "volatility");
        return Moments.stddev(returns, Moments.mean(returns))
                * Math.sqrt(Check.positive(periodsPerYear, "periodsPerYear"));
    }

    /** Annualized Sharpe ratio of the returns over the risk-free rate per period. */
    public static double sharpe(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        Moments.requireAtLeast(returns, 2, "sharpe");
        double[] excess = excess(returns, riskFreePerPeriod);
        double mean = Moments.mean(excess);
        return mean / Moments.stddev(excess, mean) * Math.sqrt(periodsPerYear);
    }

    /**
     * Annualized Sortino ratio: mean excess return over the downside deviation, the root mean square
     * of the excess returns below zero (over all periods).
     */
    public static double sortino(double[] returns, double riskFreePerPeriod, int periodsPerYear) {
        Moments.requireAtLeast(returns, 2, "sortino");
        double[] excess = excess(returns, riskFreePerPeriod);
        double downside = 0;
        for (double r : excess) {
            if (r < 0) {
                downside += r * r;
            }
        }
        downside = Math.sqrt(downside / excess.length);
        return downside == 0 ? Double.POSITIVE_INFINITY : Moments.mean(excess) / downside * Math.sqrt(periodsPerYear);
    }

    /** The largest peak-to-trough fall of a price (or equity) series. */
    public static Drawdown maxDrawdown(double[] prices) {
        Moments.requireAtLeast(prices, 1, "maxDrawdown");
        int peak = 0;
        int worstPeak = 0;
        int worstTrough = 0;
        double worst = 0;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 1; block < prices.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(prices.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                if (prices[i] > prices[peak]) {
                    peak = i;
                }
                double depth = prices[i] / prices[peak] - 1;
                if (depth < worst) {
                    worst = depth;
                    worstPeak = peak;
                    worstTrough = i;
                }
            }
        }
        int recovery = -1;
        for (int i = worstTrough + 1; i < prices.length && worst < 0; i++) {
            if (prices[i] >= prices[worstPeak]) {
                recovery = i;
                break;
            }
        }
        return new Drawdown(worst, worstPeak, worstTrough, recovery);
    }

    /** Calmar ratio: the compound annual growth of the prices over the depth of their worst drawdown. */
    public static double calmar(double[] prices, int periodsPerYear) {
        Moments.requireAtLeast(prices, 2, "calmar");
        double years = (prices.length - 1) / (double) periodsPerYear;
        double growth = Math.pow(prices[prices.length - 1] / prices[0], 1 / years) - 1;
        double depth = maxDrawdown(prices).depth();
        return depth == 0 ? Double.POSITIVE_INFINITY : growth / -depth;
    }

    /**
     * Value at risk: the loss (a positive fraction) that the returns exceed with probability {@code
     * 1 - confidence}. Historical: the empirical quantile, interpolated between order statistics.
     */
    public static double valueAtRisk(double[] returns, double confidence, Method method) {
        Moments.requireAtLeast(returns, 2, "valueAtRisk");
        checkConfidence(confidence);
        if (method == Method.PARAMETRIC) {
            double mean = Moments.mean(returns);
            return -(mean + NormalDistribution.quantile(1 - confidence) * Moments.stddev(returns, mean));
        }
        return -quantile(sorted(returns), 1 - confidence);
    }

    /** Conditional value at risk (expected shortfall): the mean loss beyond the value at risk. */
    public static double conditionalValueAtRisk(double[] returns, double confidence, Method method) {
        Moments.requireAtLeast(returns, 2, "conditionalValueAtRisk");
        checkConfidence(confidence);
        if (method == Method.PARAMETRIC) {
            double mean = Moments.mean(returns);
            double z = NormalDistribution.quantile(1 - confidence);
            return -(mean - Moments.stddev(returns, mean) * NormalDistribution.density(z) / (1 - confidence));
        }
        double[] sorted = sorted(returns);
        double threshold = quantile(sorted, 1 - confidence);
        double total = 0;
        int count = 0;
        for (double r : sorted) {
            if (r > threshold) {
                break;
            }
            total += r;
            count++;
        }
        return -(total / count);
    }

    /** Beta of an asset's returns to a market's: their covariance over the market's variance. */
    public static double beta(double[] asset, double[] market) {
        checkPaired(asset, market);
        return Correlation.covariance(asset, market) / Correlation.covariance(market, market);
    }

    /** Jensen's alpha, annualized: the asset's mean excess return not explained by beta times the market's. */
    public static double alpha(double[] asset, double[] market, double riskFreePerPeriod, int periodsPerYear) {
        double beta = beta(asset, market);
        double assetExcess = Moments.mean(asset) - riskFreePerPeriod;
        double marketExcess = Moments.mean(market) - riskFreePerPeriod;
        return (assetExcess - beta * marketExcess) * periodsPerYear;
    }

    static void checkPaired(double[] a, double[] b) {
        Moments.requireAtLeast(a, 2, "a paired statistic");
        if (b == null || b.length != a.length) {
            throw new IllegalArgumentException("both series need the same number of returns");
        }
    }

    private static double[] excess(double[] returns, double riskFree) {
        double[] excess = new double[returns.length];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < returns.length; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(returns.length, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                excess[i] = returns[i] - riskFree;
            }
        }
        return excess;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Linear interpolation between order statistics at position {@code p (n - 1)}. */
    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1, was " + confidence);
        }
    }
}
