package dev.sextant.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * Granger causality against an independent re-computation: the two autoregressions fitted by
 * Commons Math's QR least squares, the F statistic from their residual sums of squares and the
 * p-value from Commons Math's F distribution; and on series built with and without a cause.
 */
class GrangerTest {

    /** y driven by x's value two steps before, plus its own noise. */
    private static double[][] caused(long seed, int n, double strength) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = random.nextGaussian();
            y[t] = 0.2 * (t > 0 ? y[t - 1] : 0) + strength * (t > 1 ? x[t - 2] : 0) + random.nextGaussian();
        }
        return new double[][] {y, x};
    }

    /** The reference: design matrices built here, fitted by Commons Math (QR decomposition). */
    private static double[] reference(double[] y, double[] x, int p) {
        int n = y.length - p;
        double[] target = new double[n];
        double[][] restricted = new double[n][p];
        double[][] unrestricted = new double[n][2 * p];
        for (int row = 0; row < n; row++) {
            int t = row + p;
            target[row] = y[t];
            for (int k = 0; k < p; k++) {
                restricted[row][k] = y[t - k - 1];
                unrestricted[row][k] = y[t - k - 1];
                unrestricted[row][p + k] = x[t - k - 1];
            }
        }
        OLSMultipleLinearRegression r = new OLSMultipleLinearRegression();
        r.newSampleData(target, restricted);
        OLSMultipleLinearRegression u = new OLSMultipleLinearRegression();
        u.newSampleData(target, unrestricted);
        double rssR = r.calculateResidualSumOfSquares();
        double rssU = u.calculateResidualSumOfSquares();
        int df2 = n - 2 * p - 1;
        double f = (rssR - rssU) / p / (rssU / df2);
        double pValue = 1
                - new org.apache.commons.math3.distribution.FDistribution(null, p, df2, 1e-14).cumulativeProbability(f);
        return new double[] {f, df2, pValue, n};
    }

    @Test
    void test_matchesTheIndependentRecomputation_atSeveralLags() {
        for (int seed = 1; seed <= 20; seed++) {
            double[][] series = caused(seed, 60 + 7 * seed, seed % 3 == 0 ? 0 : 0.4);
            for (int p = 1; p <= 6; p++) {
                Granger.Result result = Granger.test(series[0], series[1], p);
                double[] expected = reference(series[0], series[1], p);
                assertThat(result.f()).isCloseTo(expected[0], within(1e-8 * Math.max(1, expected[0])));
                assertThat(result.df1()).isEqualTo(p);
                assertThat(result.df2()).isEqualTo((int) expected[1]);
                assertThat(result.pValue()).isCloseTo(expected[2], within(1e-9));
                assertThat(result.observations()).isEqualTo((int) expected[3]);
            }
        }
    }

    @Test
    void test_aRealCause_isFound_andNoise_isRejectedAtItsRate() {
        double[][] strong = caused(7, 120, 0.8);
        assertThat(Granger.test(strong[0], strong[1], 3).pValue()).isLessThan(1e-6);
        // y does not depend on x: p-values are uniform, about 5 % fall below 0.05.
        int rejected = 0;
        int trials = 400;
        for (int seed = 0; seed < trials; seed++) {
            double[][] none = caused(1_000 + seed, 80, 0);
            if (Granger.test(none[0], none[1], 3).pValue() < 0.05) {
                rejected++;
            }
        }
        assertThat(rejected).isBetween(trials / 100, trials * 10 / 100);
    }

    @Test
    void test_tooShortOrMismatchedSeries_areRefusedWithAReason() {
        assertThatThrownBy(() -> Granger.test(new double[10], new double[10], 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more than 10 observations");
        assertThatThrownBy(() -> Granger.test(new double[10], new double[9], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Granger.test(new double[10], new double[10], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
