package dev.sextant.analytics.risk;

import dev.sextant.analytics.check.ComputeCheckpoint;
import java.util.stream.IntStream;

/**
 * Pearson correlation and sample covariance, of a pair or as a matrix over many series of equal
 * length. The matrices centre each series once and take dot products, row blocks in parallel:
 * 500 series of 2,520 returns are 125,000 dot products.
 */
public final class Correlation {

    private Correlation() {}

    public static double covariance(double[] a, double[] b) {
        RiskMetrics.checkPaired(a, b);
        double meanA = Moments.mean(a);
        double meanB = Moments.mean(b);
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += (a[i] - meanA) * (b[i] - meanB);
        }
        return total / (a.length - 1);
    }

    public static double correlation(double[] a, double[] b) {
        double[][] matrix = correlationMatrix(new double[][] {a, b});
        return matrix[0][1];
    }

    /** Sample covariances of every pair; symmetric. */
    public static double[][] covarianceMatrix(double[][] series) {
        double[][] centred = centred(series);
        int n = series[0].length;
        return products(centred, 1.0 / (n - 1));
    }

    /**
     * Correlations of every pair; symmetric, 1 on the diagonal. A constant series has no
     * correlation with anything: NaN in its row and column (1 on its diagonal).
     */
    public static double[][] correlationMatrix(double[][] series) {
        double[][] unit = centred(series);
        boolean[] constant = new boolean[unit.length];
        for (int s = 0; s < unit.length; s++) {
            double norm = Math.sqrt(dot(unit[s], unit[s]));
            constant[s] = norm == 0;
            for (int i = 0; i < unit[s].length; i++) {
                unit[s][i] /= norm;
            }
        }
        double[][] matrix = products(unit, 1.0);
        for (int s = 0; s < unit.length; s++) {
            for (int t = 0; t < unit.length; t++) {
                if (s == t) {
                    matrix[s][t] = 1;
                } else if (constant[s] || constant[t]) {
                    matrix[s][t] = Double.NaN;
                } else {
                    matrix[s][t] = Math.max(-1, Math.min(1, matrix[s][t]));
                }
            }
        }
        return matrix;
    }

    private static double[][] centred(double[][] series) {
        if (series == null || series.length == 0) {
            throw new IllegalArgumentException("give at least one series");
        }
        int n = series[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("each series needs at least 2 values");
        }
        double[][] centred = new double[series.length][];
        for (int s = 0; s < series.length; s++) {
            if (series[s].length != n) {
                throw new IllegalArgumentException("series " + s + " has " + series[s].length + " values, not " + n);
            }
            double mean = Moments.mean(series[s]);
            double[] row = new double[n];
            // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
            for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
                ComputeCheckpoint.reached();
                int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
                for (int i = block; i < blockEnd; i++) {
                    row[i] = series[s][i] - mean;
                }
            }
            centred[s] = row;
        }
        return centred;
    }

    private static double[][] products(double[][] rows, double scale) {
        int m = rows.length;
        double[][] matrix = new double[m][m];
        IntStream.range(0, m).parallel().forEach(s -> {
            for (int t = s; t < m; t++) {
                double value = dot(rows[s], rows[t]) * scale;
                matrix[s][t] = value;
                matrix[t][s] = value;
            }
        });
        return matrix;
    }

    /** Four accumulators: independent chains the CPU can overlap. */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
