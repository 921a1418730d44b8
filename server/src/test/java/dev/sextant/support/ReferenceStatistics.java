package dev.sextant.support;

import java.util.Arrays;

/**
 * Statistics re-computed the plain way, two passes over the data, for tests that check the
 * server's figures: a second implementation, not the analytics kernels the server itself uses.
 */
public final class ReferenceStatistics {

    private ReferenceStatistics() {}

    /** Sample covariance (divided by n - 1). */
    public static double covariance(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(
                    "two series of the same length, at least 2, were " + x.length + " and " + y.length);
        }
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }
        return sum / (x.length - 1);
    }

    /** Beta of an asset's returns to a market's: their covariance over the market's variance. */
    public static double beta(double[] asset, double[] market) {
        return covariance(asset, market) / covariance(market, market);
    }

    /** Pearson correlation. */
    public static double correlation(double[] x, double[] y) {
        return covariance(x, y) / Math.sqrt(covariance(x, x) * covariance(y, y));
    }
}
