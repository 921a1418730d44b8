package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnstablePeriodTest {

    static IntStream periods() {
        return IntStream.concat(IntStream.rangeClosed(1, 60), IntStream.of(100, 200, 999, 1000));
    }

    /** The least m with d^m <= tolerance, found by multiplying out, not by the logarithm the code uses. */
    private static int byRepeatedDecay(double decay) {
        if (decay == 0) {
            return 0; // a recursion that keeps nothing of itself has no seed to forget
        }
        int m = 0;
        double weight = 1;
        while (weight > UnstablePeriod.TOLERANCE) {
            weight *= decay;
            m++;
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("periods")
    void test_ema_isTheLeastBarCountThatDecaysTheSeedBelowTheTolerance(int period) {
        double decay = 1 - 2.0 / (period + 1);

        assertThat(UnstablePeriod.ema(period)).isEqualTo(byRepeatedDecay(decay));
    }

    @ParameterizedTest
    @MethodSource("periods")
    void test_wilder_isTheLeastBarCountThatDecaysTheSeedBelowTheTolerance(int period) {
        double decay = (period - 1.0) / period;

        assertThat(UnstablePeriod.wilder(period)).isEqualTo(byRepeatedDecay(decay));
    }

    @Test
    void test_knownFigures_atTaLibsDefaults() {
        // ln(1e-9) / ln(29/31) = 310.7 and ln(1e-9) / ln(13/14) = 279.6.
        assertThat(UnstablePeriod.ema(30)).isEqualTo(311);
        assertThat(UnstablePeriod.wilder(14)).isEqualTo(280);
        assertThat(UnstablePeriod.ofDecay(0)).isZero();
        assertThat(UnstablePeriod.ofDecay(0.5)).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1, 1.5, Double.NaN})
    void test_ofDecay_outsideZeroToOne_isRefused(double decay) {
        assertThatThrownBy(() -> UnstablePeriod.ofDecay(decay))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decay must be in [0, 1)");
    }
}
