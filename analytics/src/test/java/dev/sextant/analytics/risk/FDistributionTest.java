package dev.sextant.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

/** The F distribution and the regularised incomplete beta against Apache Commons Math 3.6.1, and their laws. */
class FDistributionTest {

    @Test
    void test_cdfAndSurvival_matchCommonsMath_overAGrid() {
        double[] fs = {0.01, 0.1, 0.5, 1, 1.5, 2, 3, 5, 10, 30, 100};
        int[] d1s = {1, 2, 3, 5, 6, 10, 30};
        int[] d2s = {1, 2, 5, 10, 20, 50, 117, 500};
        for (int d1 : d1s) {
            for (int d2 : d2s) {
                org.apache.commons.math3.distribution.FDistribution reference =
                        new org.apache.commons.math3.distribution.FDistribution(null, d1, d2, 1e-14);
                for (double f : fs) {
                    double expected = reference.cumulativeProbability(f);
                    assertThat(FDistribution.cdf(f, d1, d2))
                            .as("F(%s; %s, %s)", f, d1, d2)
                            .isCloseTo(expected, within(1e-12));
                    assertThat(FDistribution.survival(f, d1, d2))
                            .as("1 - F(%s; %s, %s)", f, d1, d2)
                            .isCloseTo(1 - expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void test_smallPValues_keepTheirRelativePrecision() {
        // Commons Math's regularised beta of the upper tail, which it does not subtract from 1.
        double f = 60;
        double d1 = 3;
        double d2 = 100;
        double expected = Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
        assertThat(expected).isLessThan(1e-20);
        assertThat(FDistribution.survival(f, d1, d2)).isCloseTo(expected, within(expected * 1e-9));
    }

    @Property(tries = 300)
    void regularizedBeta_matchesCommonsMath(
            @ForAll @DoubleRange(min = 0, max = 1) double x,
            @ForAll @DoubleRange(min = 0.05, max = 400) double a,
            @ForAll @DoubleRange(min = 0.05, max = 400) double b) {
        assertThat(FDistribution.regularizedBeta(x, a, b))
                .isCloseTo(Beta.regularizedBeta(x, a, b, 1e-15, 100_000), within(1e-10));
    }

    @Property(tries = 300)
    void cdf_isMonotone_andComplementsTheSurvival(
            @ForAll @DoubleRange(min = 0, max = 50) double f,
            @ForAll @DoubleRange(min = 0, max = 5) double step,
            @ForAll @IntRange(min = 1, max = 40) int d1,
            @ForAll @IntRange(min = 1, max = 1000) int d2) {
        double low = FDistribution.cdf(f, d1, d2);
        assertThat(low).isBetween(0.0, 1.0);
        assertThat(FDistribution.cdf(f + step, d1, d2)).isGreaterThanOrEqualTo(low - 1e-15);
        assertThat(low + FDistribution.survival(f, d1, d2)).isCloseTo(1, within(1e-12));
    }

    @Test
    void test_edges_andBadArguments() {
        assertThat(FDistribution.cdf(0, 3, 10)).isZero();
        assertThat(FDistribution.cdf(-1, 3, 10)).isZero();
        assertThat(FDistribution.survival(0, 3, 10)).isEqualTo(1);
        assertThat(FDistribution.cdf(Double.POSITIVE_INFINITY, 3, 10)).isEqualTo(1);
        assertThat(FDistribution.cdf(Double.NaN, 3, 10)).isNaN();
        assertThatThrownBy(() -> FDistribution.cdf(1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FDistribution.regularizedBeta(1.5, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
