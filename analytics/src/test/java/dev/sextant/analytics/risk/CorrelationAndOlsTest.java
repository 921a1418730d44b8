package dev.sextant.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationAndOlsTest {

    private static double[][] randomSeries(long seed, int count, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] series = new double[count][length];
        double[] common = new double[length];
        for (int i = 0; i < length; i++) {
            common[i] = random.nextGaussian();
        }
        for (int s = 0; s < count; s++) {
            double loading = random.nextDouble() * 2 - 1;
            for (int i = 0; i < length; i++) {
                series[s][i] = loading * common[i] + random.nextGaussian();
            }
        }
        return series;
    }

    /** The textbook two-pass formula, pair by pair. */
    private static double pearson(double[] a, double[] b) {
        double ma = Moments.mean(a);
        double mb = Moments.mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void test_correlationMatrix_matchesPairwisePearson_isSymmetric_withUnitDiagonal() {
        double[][] series = randomSeries(3, 12, 300);
        double[][] matrix = Correlation.correlationMatrix(series);
        for (int s = 0; s < series.length; s++) {
            assertThat(matrix[s][s]).isEqualTo(1);
            for (int t = 0; t < series.length; t++) {
                assertThat(matrix[s][t]).isEqualTo(matrix[t][s]).isBetween(-1.0, 1.0);
                if (s != t) {
                    assertThat(matrix[s][t]).isCloseTo(pearson(series[s], series[t]), within(1e-12));
                }
            }
        }
        double[][] covariance = Correlation.covarianceMatrix(series);
        assertThat(covariance[2][5]).isCloseTo(Correlation.covariance(series[2], series[5]), within(1e-12));
    }

    @Test
    void test_exactRelations_andConstantSeries() {
        double[] a = {1, 2, 3, 4, 5};
        double[] twice = {2, 4, 6, 8, 10};
        double[] opposite = {5, 4, 3, 2, 1};
        double[] flat = {3, 3, 3, 3, 3};
        double[][] matrix = Correlation.correlationMatrix(new double[][] {a, twice, opposite, flat});

        assertThat(matrix[0][1]).isCloseTo(1, within(1e-15));
        assertThat(matrix[0][2]).isCloseTo(-1, within(1e-15));
        assertThat(matrix[0][3]).isNaN();
        assertThat(matrix[3][3]).isEqualTo(1);
        assertThatThrownBy(() -> Correlation.correlationMatrix(new double[][] {a, {1, 2}}))
                .hasMessageContaining("series 1");
    }

    @Test
    void test_ols_recoversAnExactLinearRelation() {
        SplittableRandom random = new SplittableRandom(11);
        double[] x1 = new double[200];
        double[] x2 = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            x1[i] = random.nextGaussian();
            x2[i] = random.nextGaussian();
            y[i] = 1 + 2 * x1[i] - 3 * x2[i];
        }
        Ols.Fit fit = Ols.fit(y, x1, x2);

        assertThat(fit.coefficients()).containsExactly(new double[] {1, 2, -3}, within(1e-10));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(fit.observations()).isEqualTo(200);
    }

    @Test
    void test_ols_simpleRegression_matchesTheClosedForms() {
        SplittableRandom random = new SplittableRandom(13);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.5 + 1.5 * x[i] + random.nextGaussian() * 0.3;
        }
        Ols.Fit fit = Ols.fit(y, x);

        double slope = Correlation.covariance(x, y) / Correlation.covariance(x, x);
        double intercept = Moments.mean(y) - slope * Moments.mean(x);
        double residuals = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - intercept - slope * x[i];
            residuals += e * e;
            sxx += (x[i] - Moments.mean(x)) * (x[i] - Moments.mean(x));
        }
        double slopeError = Math.sqrt(residuals / (n - 2) / sxx);
        double r = Correlation.correlation(x, y);

        assertThat(fit.coefficients()[1]).isCloseTo(slope, within(1e-12));
        assertThat(fit.coefficients()[0]).isCloseTo(intercept, within(1e-12));
        assertThat(fit.standardErrors()[1]).isCloseTo(slopeError, within(1e-12));
        assertThat(fit.tStatistics()[1]).isCloseTo(slope / slopeError, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(r * r, within(1e-12));
        assertThatThrownBy(() -> Ols.fit(y, x, x)).hasMessageContaining("collinear");
    }
}
