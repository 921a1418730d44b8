package dev.sextant.analytics.risk;

/**
 * Granger causality of {@code x} on {@code y} at a fixed lag {@code p}: does adding x's last p
 * values to an autoregression of y on its own last p values (with an intercept) explain y better
 * than chance? The F test compares the two least-squares fits on the same observations:
 * {@code F = ((RSS_r - RSS_u) / p) / (RSS_u / (n - 2p - 1))}, with {@code p} and
 * {@code n - 2p - 1} degrees of freedom, where {@code n} is the number of y values that have p
 * values of both series before them.
 */
public final class Granger {

    /**
     * @param f the F statistic
     * @param df1 the numerator's degrees of freedom (the lag)
     * @param df2 the denominator's ({@code n - 2p - 1})
     * @param pValue {@code P(F > f)} under the hypothesis that x does not Granger-cause y
     * @param observations {@code n}, the y values both fits use
     */
    public record Result(int lag, double f, int df1, int df2, double pValue, int observations) {}

    private Granger() {}

    /**
     * @param y the effect's series, oldest first
     * @param x the cause's series, as long as y and aligned with it
     * @throws IllegalArgumentException when the series differ in length or are too short for the lag
     */
    public static Result test(double[] y, double[] x, int lag) {
        if (lag < 1) {
            throw new IllegalArgumentException("the lag must be at least 1, was " + lag);
        }
        if (y.length != x.length) {
            throw new IllegalArgumentException("both series need as many values, had " + y.length + " and " + x.length);
        }
        int n = y.length - lag;
        int df2 = n - 2 * lag - 1;
        if (df2 < 1) {
            throw new IllegalArgumentException("Granger causality at lag " + lag + " needs more than " + (3 * lag + 1)
                    + " observations, had " + y.length);
        }
        double[] target = new double[n];
        double[][] own = new double[lag][n];
        double[][] both = new double[2 * lag][n];
        for (int t = 0; t < n; t++) {
            target[t] = y[t + lag];
            for (int k = 1; k <= lag; k++) {
                own[k - 1][t] = y[t + lag - k];
                both[k - 1][t] = y[t + lag - k];
                both[lag + k - 1][t] = x[t + lag - k];
            }
        }
        double restricted = residualSumOfSquares(target, own);
        double unrestricted = residualSumOfSquares(target, both);
        double f = ((restricted - unrestricted) / lag) / (unrestricted / df2);
        if (unrestricted == 0) {
            f = restricted == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        f = Math.max(0, f); // rounding can put RSS_u a hair above RSS_r when x adds nothing
        double p = Double.isNaN(f) ? Double.NaN : FDistribution.survival(f, lag, df2);
        return new Result(lag, f, lag, df2, p, n);
    }

    private static double residualSumOfSquares(double[] y, double[][] x) {
        Ols.Fit fit = Ols.fit(y, x);
        double[] b = fit.coefficients();
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double predicted = b[0];
            for (int j = 0; j < x.length; j++) {
                predicted += b[j + 1] * x[j][t];
            }
            double residual = y[t] - predicted;
            sum += residual * residual;
        }
        return sum;
    }
}
