package dev.sextant.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Metrics against values worked out independently (Python's statistics module) and closed forms. */
class RiskMetricsTest {

    private static final double[] RETURNS = {0.01, -0.02, 0.03, 0.0, 0.015, -0.005};

    @Test
    void test_returns() {
        assertThat(Returns.simple(new double[] {100, 110, 99}))
                .containsExactly(new double[] {0.1, -0.1}, within(1e-15));
        assertThat(Returns.log(new double[] {100, 110})[0]).isCloseTo(Math.log(1.1), within(1e-15));
        assertThat(Returns.simple(new double[] {100})).isEmpty();
    }

    @Test
    void test_volatilitySharpeSortino_matchTheirDefinitions() {
        assertThat(RiskMetrics.volatility(RETURNS, 252)).isCloseTo(0.2749545416973504, within(1e-12));
        assertThat(RiskMetrics.sharpe(RETURNS, 0.0001, 252)).isCloseTo(4.490924181056724, within(1e-12));
        assertThat(RiskMetrics.sortino(RETURNS, 0.0001, 252)).isCloseTo(9.188034104187828, within(1e-12));
    }

    @Test
    void test_maxDrawdown_namesPeakTroughAndRecovery() {
        RiskMetrics.Drawdown open = RiskMetrics.maxDrawdown(new double[] {100, 120, 90, 95, 130, 80, 85});
        RiskMetrics.Drawdown recovered = RiskMetrics.maxDrawdown(new double[] {100, 120, 90, 125});

        assertThat(open.depth()).isCloseTo(80.0 / 130 - 1, within(1e-15));
        assertThat(open.peakIndex()).isEqualTo(4);
        assertThat(open.troughIndex()).isEqualTo(5);
        assertThat(open.recovered()).isFalse();
        assertThat(recovered).isEqualTo(new RiskMetrics.Drawdown(-0.25, 1, 2, 3));
        assertThat(RiskMetrics.maxDrawdown(new double[] {1, 2, 3}).depth()).isZero();
        assertThat(RiskMetrics.calmar(new double[] {100, 120, 90, 95, 130, 80, 85}, 252))
                .isCloseTo(-2.5971779271020794, within(1e-9));
    }

    @Test
    void test_valueAtRisk_historicalAndParametric() {
        double[] returns = new double[100];
        for (int i = 0; i < 100; i++) {
            returns[i] = (i + 1 - 50) / 1000.0;
        }
        // Position 0.05 * 99 = 4.95 between the 5th (-0.045) and 6th (-0.044) smallest.
        assertThat(RiskMetrics.valueAtRisk(returns, 0.95, RiskMetrics.Method.HISTORICAL))
                .isCloseTo(0.04405, within(1e-12));
        assertThat(RiskMetrics.conditionalValueAtRisk(returns, 0.95, RiskMetrics.Method.HISTORICAL))
                .isCloseTo((0.049 + 0.048 + 0.047 + 0.046 + 0.045) / 5, within(1e-12));

        double mean = 0.0005;
        double sd = Math.sqrt(java.util.Arrays.stream(returns)
                        .map(r -> (r - mean) * (r - mean))
                        .sum()
                / 99);
        assertThat(RiskMetrics.valueAtRisk(returns, 0.99, RiskMetrics.Method.PARAMETRIC))
                .isCloseTo(-(mean - 2.3263478740408408 * sd), within(1e-9));
        // Expected shortfall of a normal at 97.5 %: sd * phi(z) / 0.025 - mean.
        double z = 1.959963984540054;
        assertThat(RiskMetrics.conditionalValueAtRisk(returns, 0.975, RiskMetrics.Method.PARAMETRIC))
                .isCloseTo(sd * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / 0.025 - mean, within(1e-9));
        assertThatThrownBy(() -> RiskMetrics.valueAtRisk(returns, 1.0, RiskMetrics.Method.HISTORICAL))
                .hasMessageContaining("confidence");
    }

    @Test
    void test_valueAtRisk_growsWithConfidence() {
        SplittableRandom random = new SplittableRandom(5);
        double[] returns = new double[2_000];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = random.nextGaussian() * 0.02;
        }
        for (RiskMetrics.Method method : RiskMetrics.Method.values()) {
            double previous = Double.NEGATIVE_INFINITY;
            for (double confidence : new double[] {0.8, 0.9, 0.95, 0.99, 0.999}) {
                double var = RiskMetrics.valueAtRisk(returns, confidence, method);
                assertThat(var).as(method + " at " + confidence).isGreaterThan(previous);
                assertThat(RiskMetrics.conditionalValueAtRisk(returns, confidence, method))
                        .isGreaterThanOrEqualTo(var);
                previous = var;
            }
        }
    }

    @Test
    void test_normalQuantiles() {
        assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(NormalDistribution.quantile(0.95)).isCloseTo(1.6448536269514722, within(1e-8));
        assertThat(NormalDistribution.quantile(0.01)).isCloseTo(-2.3263478740408408, within(1e-8));
        assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0, within(1e-12));
        assertThat(NormalDistribution.quantile(1e-6)).isCloseTo(-4.753424308822899, within(1e-7));
    }

    @Test
    void test_betaAndAlpha_ofAScaledMarket() {
        SplittableRandom random = new SplittableRandom(9);
        double[] market = new double[500];
        double[] asset = new double[500];
        for (int i = 0; i < market.length; i++) {
            market[i] = random.nextGaussian() * 0.01;
            asset[i] = 2 * market[i] + 0.001;
        }
        assertThat(RiskMetrics.beta(asset, market)).isCloseTo(2, within(1e-12));
        assertThat(RiskMetrics.alpha(asset, market, 0, 252)).isCloseTo(0.252, within(1e-12));
    }
}
