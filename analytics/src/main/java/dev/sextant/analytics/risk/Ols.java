package dev.sextant.analytics.risk;

import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Ordinary least squares with an intercept: {@code y = b0 + b1 x1 + ... + bk xk}, solved from the
 * normal equations by Cholesky decomposition, with standard errors, t statistics and R-squared.
 */
public final class Ols {

    /**
     * A fitted regression; index 0 of each array is the intercept.
     *
     * @param rSquared the share of y's variance the fit explains
     */
    public record Fit(
            double[] coefficients, double[] standardErrors, double[] tStatistics, double rSquared, int observations) {}

    private Ols() {}

    /** @param x the regressors, one array per variable, each as long as {@code y} */
    public static Fit fit(double[] y, double[]... x) {
        int n = y.length;
        int k = x.length + 1;
        if (n <= k) {
            throw new IllegalArgumentException(
                    "OLS with " + (k - 1) + " regressors needs more than " + k + " observations");
        }
        for (double[] column : x) {
            if (column.length != n) {
                throw new IllegalArgumentException("every regressor needs " + n + " values");
            }
        }
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        double[] row = new double[k];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                row[0] = 1;
                for (int j = 1; j < k; j++) {
                    row[j] = x[j - 1][i];
                }
                for (int a = 0; a < k; a++) {
                    xty[a] += row[a] * y[i];
                    for (int b = 0; b <= a; b++) {
                        xtx[a][b] += row[a] * row[b];
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                xtx[a][b] = xtx[b][a];
            }
        }
        double[][] inverse = invertSymmetric(xtx);
        double[] beta = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                beta[a] += inverse[a][b] * xty[b];
            }
        }
        double meanY = Moments.mean(y);
        double residualSquares = 0;
        double totalSquares = 0;
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                double fitted = beta[0];
                for (int j = 1; j < k; j++) {
                    fitted += beta[j] * x[j - 1][i];
                }
                double residual = y[i] - fitted;
                residualSquares += residual * residual;
                totalSquares += (y[i] - meanY) * (y[i] - meanY);
            }
        }
        double variance = residualSquares / (n - k);
        double[] errors = new double[k];
        double[] t = new double[k];
        for (int a = 0; a < k; a++) {
            errors[a] = Math.sqrt(variance * inverse[a][a]);
            t[a] = beta[a] / errors[a];
        }
        double r2 = totalSquares == 0 ? 1 : 1 - residualSquares / totalSquares;
        return new Fit(beta, errors, t, r2, n);
    }

    /** Inverse of a symmetric positive-definite matrix through its Cholesky factor. */
    private static double[][] invertSymmetric(double[][] a) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int p = 0; p < j; p++) {
                    sum -= l[i][p] * l[j][p];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException(
                                "the regressors are collinear (or constant): no unique least-squares fit");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[][] inverse = new double[k][k];
        for (int column = 0; column < k; column++) {
            double[] e = new double[k];
            e[column] = 1;
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                double sum = e[i];
                for (int p = 0; p < i; p++) {
                    sum -= l[i][p] * z[p];
                }
                z[i] = sum / l[i][i];
            }
            for (int i = k - 1; i >= 0; i--) {
                double sum = z[i];
                for (int p = i + 1; p < k; p++) {
                    sum -= l[p][i] * inverse[p][column];
                }
                inverse[i][column] = sum / l[i][i];
            }
        }
        return inverse;
    }
}
