package dev.sextant.analytics.risk;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Rolling versions of the {@link RiskMetrics}: the metric of each window of {@code window}
 * consecutive values ending at every index, in an array aligned with the input (NaN before the
 * first full window). Each value is the batch metric of its window to within rounding.
 *
 * <p>Moment-based metrics (volatility, Sharpe, Sortino, beta, alpha, correlation, covariance,
 * parametric VaR and CVaR) slide in O(1) per value with Welford's updates, and are summed afresh
 * once every {@code window} values so that rounding cannot build up over long series. Metrics of
 * order or path (historical VaR and CVaR, max drawdown, Calmar) and regressions compute each
 * window, O(window) (or O(window log window) for the quantiles) per value.
 */
public final class Rolling {

    private Rolling() {}

    public static double[] volatility(double[] returns, int window, int periodsPerYear) {
        Check.positive(periodsPerYear, "periodsPerYear");
        Welford moments = new Welford(returns, 0);
        return roll(
                returns.length, check(returns, window, 2), moments, () -> moments.stddev() * Math.sqrt(periodsPerYear));
    }

    public static double[] sharpe(double[] returns, int window, double riskFreePerPeriod, int periodsPerYear) {
        Welford excess = new Welford(returns, riskFreePerPeriod);
        return roll(
                returns.length,
                check(returns, window, 2),
                excess,
                () -> excess.mean() / excess.stddev() * Math.sqrt(periodsPerYear));
    }

    public static double[] sortino(double[] returns, int window, double riskFreePerPeriod, int periodsPerYear) {
        Welford excess = new Welford(returns, riskFreePerPeriod);
        Downside downside = new Downside(returns, riskFreePerPeriod);
        return roll(returns.length, check(returns, window, 2), Accumulator.both(excess, downside), () -> {
            double deviation = Math.sqrt(downside.squares / downside.count);
            return deviation == 0 ? Double.POSITIVE_INFINITY : excess.mean() / deviation * Math.sqrt(periodsPerYear);
        });
    }

    public static double[] covariance(double[] a, double[] b, int window) {
        RiskMetrics.checkPaired(a, b);
        CoMoments pair = new CoMoments(a, b);
        return roll(a.length, check(a, window, 2), pair, pair::covariance);
    }

    public static double[] correlation(double[] a, double[] b, int window) {
        RiskMetrics.checkPaired(a, b);
        CoMoments pair = new CoMoments(a, b);
        return roll(a.length, check(a, window, 2), pair, pair::correlation);
    }

    public static double[] beta(double[] asset, double[] market, int window) {
        RiskMetrics.checkPaired(asset, market);
        CoMoments pair = new CoMoments(asset, market);
        return roll(asset.length, check(asset, window, 2), pair, pair::beta);
    }

    public static double[] alpha(
            double[] asset, double[] market, int window, double riskFreePerPeriod, int periodsPerYear) {
        RiskMetrics.checkPaired(asset, market);
        CoMoments pair = new CoMoments(asset, market);
        return roll(asset.length, check(asset, window, 2), pair, () -> {
            double beta = pair.beta();
            return ((pair.meanA - riskFreePerPeriod) - beta * (pair.meanB - riskFreePerPeriod)) * periodsPerYear;
        });
    }

    public static double[] valueAtRisk(double[] returns, int window, double confidence, RiskMetrics.Method method) {
        if (method == RiskMetrics.Method.PARAMETRIC) {
            RiskMetrics.checkConfidence(confidence);
            double z = NormalDistribution.quantile(1 - confidence);
            Welford moments = new Welford(returns, 0);
            return roll(
                    returns.length, check(returns, window, 2), moments, () -> -(moments.mean() + z * moments.stddev()));
        }
        return eachWindow(returns, check(returns, window, 2), w -> RiskMetrics.valueAtRisk(w, confidence, method));
    }

    public static double[] conditionalValueAtRisk(
            double[] returns, int window, double confidence, RiskMetrics.Method method) {
        if (method == RiskMetrics.Method.PARAMETRIC) {
            RiskMetrics.checkConfidence(confidence);
            double z = NormalDistribution.quantile(1 - confidence);
            double tail = NormalDistribution.density(z) / (1 - confidence);
            Welford moments = new Welford(returns, 0);
            return roll(
                    returns.length,
                    check(returns, window, 2),
                    moments,
                    () -> -(moments.mean() - moments.stddev() * tail));
        }
        return eachWindow(
                returns, check(returns, window, 2), w -> RiskMetrics.conditionalValueAtRisk(w, confidence, method));
    }

    /** The depth (a negative fraction, or 0) of the worst drawdown within each window of prices. */
    public static double[] maxDrawdown(double[] prices, int window) {
        return eachWindow(
                prices,
                check(prices, window, 1),
                w -> RiskMetrics.maxDrawdown(w).depth());
    }

    public static double[] calmar(double[] prices, int window, int periodsPerYear) {
        Check.positive(periodsPerYear, "periodsPerYear");
        return eachWindow(prices, check(prices, window, 2), w -> RiskMetrics.calmar(w, periodsPerYear));
    }

    /**
     * Least squares of {@code y} on {@code x} (with an intercept) over each window: the fit of the
     * window ending at every index, null before the first full window.
     */
    public static Ols.Fit[] regression(double[] y, int window, double[]... x) {
        check(y, window, x.length + 3);
        for (double[] regressor : x) {
            RiskMetrics.checkPaired(y, regressor);
        }
        Ols.Fit[] fits = new Ols.Fit[y.length];
        for (int end = window - 1; end < y.length; end++) {
            ComputeCheckpoint.reached(end);
            int start = end - window + 1;
            double[][] slices = new double[x.length][];
            for (int k = 0; k < x.length; k++) {
                slices[k] = Arrays.copyOfRange(x[k], start, end + 1);
            }
            fits[end] = Ols.fit(Arrays.copyOfRange(y, start, end + 1), slices);
        }
        return fits;
    }

    private static int check(double[] values, int window, int least) {
        Check.notNull(values, "values");
        if (window < least) {
            throw new IllegalArgumentException("window must be at least " + least + ", was " + window);
        }
        return window;
    }

    /** An output of {@code n} values, NaN before the first full window. */
    private static double[] beforeFirstWindow(int n, int window) {
        double[] out = new double[n];
        Arrays.fill(out, 0, Math.min(n, window - 1), Double.NaN);
        return out;
    }

    private static double[] eachWindow(double[] values, int window, ToDoubleFunction<double[]> metric) {
        double[] out = beforeFirstWindow(values.length, window);
        for (int end = window - 1; end < values.length; end++) {
            ComputeCheckpoint.reached(end);
            out[end] = metric.applyAsDouble(Arrays.copyOfRange(values, end - window + 1, end + 1));
        }
        return out;
    }

    /** A window's running state: values enter and leave by index. */
    private interface Accumulator {
        void clear();

        void add(int i);

        void remove(int i);

        static Accumulator both(Accumulator first, Accumulator second) {
            return new Accumulator() {
                @Override
                public void clear() {
                    first.clear();
                    second.clear();
                }

                @Override
                public void add(int i) {
                    first.add(i);
                    second.add(i);
                }

                @Override
                public void remove(int i) {
                    first.remove(i);
                    second.remove(i);
                }
            };
        }
    }

    private static double[] roll(int n, int window, Accumulator state, java.util.function.DoubleSupplier metric) {
        double[] out = beforeFirstWindow(n, window);
        for (int end = window - 1; end < n; end++) {
            ComputeCheckpoint.reached(end);
            int start = end - window + 1;
            if (start % window == 0) {
                // Summed afresh once per window length: rounding from the slides never accumulates.
                state.clear();
                for (int i = start; i <= end; i++) {
                    state.add(i);
                }
            } else {
                state.remove(start - 1);
                state.add(end);
            }
            out[end] = metric.getAsDouble();
        }
        return out;
    }

    /** Mean and sum of squared deviations of {@code values - shift} (Welford, with removal). */
    private static final class Welford implements Accumulator {
        private final double[] values;
        private final double shift;
        private int count;
        private double mean;
        private double squares;

        Welford(double[] values, double shift) {
            this.values = values;
            this.shift = shift;
        }

        @Override
        public void clear() {
            count = 0;
            mean = 0;
            squares = 0;
        }

        @Override
        public void add(int i) {
            double x = values[i] - shift;
            count++;
            double d = x - mean;
            mean += d / count;
            squares += d * (x - mean);
        }

        @Override
        public void remove(int i) {
            double x = values[i] - shift;
            count--;
            double d = x - mean;
            mean -= d / count;
            squares -= d * (x - mean);
        }

        double mean() {
            return mean;
        }

        double stddev() {
            return Math.sqrt(Math.max(0, squares) / (count - 1));
        }
    }

    /** Sum of squares of the values below zero after {@code shift}, and how many values there are. */
    private static final class Downside implements Accumulator {
        private final double[] values;
        private final double shift;
        private int count;
        private double squares;

        Downside(double[] values, double shift) {
            this.values = values;
            this.shift = shift;
        }

        @Override
        public void clear() {
            count = 0;
            squares = 0;
        }

        @Override
        public void add(int i) {
            double x = values[i] - shift;
            count++;
            squares += x < 0 ? x * x : 0;
        }

        @Override
        public void remove(int i) {
            double x = values[i] - shift;
            count--;
            squares -= x < 0 ? x * x : 0;
        }
    }

    /** Means and co-moments of a pair of series (Welford's bivariate update, with removal). */
    private static final class CoMoments implements Accumulator {
        private final double[] a;
        private final double[] b;
        private int count;
        private double meanA;
        private double meanB;
        private double squaresA;
        private double squaresB;
        private double products;

        CoMoments(double[] a, double[] b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void clear() {
            count = 0;
            meanA = meanB = squaresA = squaresB = products = 0;
        }

        @Override
        public void add(int i) {
            count++;
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            meanA += da / count;
            meanB += db / count;
            squaresA += da * (a[i] - meanA);
            squaresB += db * (b[i] - meanB);
            products += da * (b[i] - meanB);
        }

        @Override
        public void remove(int i) {
            count--;
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            meanA -= da / count;
            meanB -= db / count;
            squaresA -= da * (a[i] - meanA);
            squaresB -= db * (b[i] - meanB);
            products -= da * (b[i] - meanB);
        }

        double covariance() {
            return products / (count - 1);
        }

        double beta() {
            return products / squaresB;
        }

        double correlation() {
            return products / Math.sqrt(squaresA * squaresB);
        }
    }
}
