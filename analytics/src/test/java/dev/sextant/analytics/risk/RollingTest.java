package dev.sextant.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rolling metric equals the batch metric of each window (to 1e-9 relative), on generated
 * series long enough for the sliding sums to be re-summed many times, with flat stretches.
 */
class RollingTest {

    record Case(long seed, int length, int window) {}

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(252);
        return IntStream.range(0, 60)
                .mapToObj(i -> new Case(random.nextLong(), random.nextInt(0, 1_500), random.nextInt(2, 300)));
    }

    private static double[] returns(long seed, int length, double drift) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[length];
        for (int i = 0; i < length; i++) {
            // Flat stretches: a run of zero returns now and then.
            r[i] = i % 97 < 5 ? 0 : drift + random.nextGaussian() * 0.02;
        }
        return r;
    }

    private static double[] prices(double[] returns) {
        double[] p = new double[returns.length];
        double price = 100;
        for (int i = 0; i < returns.length; i++) {
            price *= 1 + returns[i];
            p[i] = price;
        }
        return p;
    }

    private static void assertRolls(
            String what, double[] rolled, double[] input, int window, Function<double[], Double> batch) {
        assertThat(rolled).hasSameSizeAs(input);
        for (int end = 0; end < input.length; end++) {
            if (end < window - 1) {
                assertThat(rolled[end])
                        .as(what + " before the first window, at " + end)
                        .isNaN();
                continue;
            }
            double expected = batch.apply(Arrays.copyOfRange(input, end - window + 1, end + 1));
            if (Double.isInfinite(expected) || Double.isNaN(expected)) {
                assertThat(rolled[end]).as(what + " at " + end).isEqualTo(expected);
            } else {
                assertThat(rolled[end])
                        .as(what + " at " + end)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(expected) + 1e-15));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void test_singleSeriesMetrics_equalTheBatchMetricOfEachWindow(Case c) {
        double[] r = returns(c.seed(), c.length(), 0.0005);
        int w = c.window();

        assertRolls("volatility", Rolling.volatility(r, w, 252), r, w, x -> RiskMetrics.volatility(x, 252));
        assertRolls("sharpe", Rolling.sharpe(r, w, 0.0001, 252), r, w, x -> RiskMetrics.sharpe(x, 0.0001, 252));
        assertRolls("sortino", Rolling.sortino(r, w, 0.0001, 252), r, w, x -> RiskMetrics.sortino(x, 0.0001, 252));
        for (RiskMetrics.Method method : RiskMetrics.Method.values()) {
            assertRolls(
                    "VaR " + method,
                    Rolling.valueAtRisk(r, w, 0.95, method),
                    r,
                    w,
                    x -> RiskMetrics.valueAtRisk(x, 0.95, method));
            assertRolls(
                    "CVaR " + method,
                    Rolling.conditionalValueAtRisk(r, w, 0.99, method),
                    r,
                    w,
                    x -> RiskMetrics.conditionalValueAtRisk(x, 0.99, method));
        }
        double[] p = prices(r);
        assertRolls(
                "max drawdown",
                Rolling.maxDrawdown(p, w),
                p,
                w,
                x -> RiskMetrics.maxDrawdown(x).depth());
        assertRolls("calmar", Rolling.calmar(p, w, 252), p, w, x -> RiskMetrics.calmar(x, 252));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void test_pairMetrics_equalTheBatchMetricOfEachWindow(Case c) {
        double[] market = returns(c.seed(), c.length(), 0.0004);
        double[] noise = returns(c.seed() + 1, c.length(), 0);
        double[] asset = new double[c.length()];
        for (int i = 0; i < asset.length; i++) {
            asset[i] = 1.3 * market[i] + 0.5 * noise[i];
        }
        int w = c.window();

        assertRollsPaired(
                "covariance", Rolling.covariance(asset, market, w), asset, market, w, Correlation::covariance);
        assertRollsPaired(
                "correlation", Rolling.correlation(asset, market, w), asset, market, w, Correlation::correlation);
        assertRollsPaired("beta", Rolling.beta(asset, market, w), asset, market, w, RiskMetrics::beta);
        assertRollsPaired(
                "alpha",
                Rolling.alpha(asset, market, w, 0.0001, 252),
                asset,
                market,
                w,
                (x, y) -> RiskMetrics.alpha(x, y, 0.0001, 252));
    }

    private static void assertRollsPaired(
            String what,
            double[] rolled,
            double[] asset,
            double[] market,
            int window,
            java.util.function.BiFunction<double[], double[], Double> batch) {
        int[] end = {window - 1};
        assertRolls(what, rolled, asset, window, x -> {
            // assertRolls asks for the windows in order, so the market's window is the next one.
            double[] y = Arrays.copyOfRange(market, end[0] - window + 1, end[0] + 1);
            end[0]++;
            return batch.apply(x, y);
        });
    }

    @org.junit.jupiter.api.Test
    void test_rollingRegression_isEachWindowsFit() {
        double[] x1 = returns(5, 400, 0.0003);
        double[] x2 = returns(6, 400, 0);
        double[] noise = returns(7, 400, 0);
        double[] y = new double[400];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.001 + 0.8 * x1[i] - 0.3 * x2[i] + 0.2 * noise[i];
        }

        Ols.Fit[] fits = Rolling.regression(y, 60, x1, x2);

        assertThat(fits).hasSize(400);
        assertThat(Arrays.copyOfRange(fits, 0, 59)).containsOnlyNulls();
        for (int end = 59; end < 400; end += 17) {
            Ols.Fit expected = Ols.fit(
                    Arrays.copyOfRange(y, end - 59, end + 1),
                    Arrays.copyOfRange(x1, end - 59, end + 1),
                    Arrays.copyOfRange(x2, end - 59, end + 1));
            assertThat(fits[end].coefficients()).containsExactly(expected.coefficients());
            assertThat(fits[end].rSquared()).isEqualTo(expected.rSquared());
        }
        assertThat(fits[399].coefficients()[1]).isBetween(0.5, 1.1);
    }

    @org.junit.jupiter.api.Test
    void test_badArguments_areRefused() {
        double[] r = returns(1, 50, 0);
        assertThatThrownBy(() -> Rolling.volatility(r, 1, 252))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be at least 2, was 1");
        assertThatThrownBy(() -> Rolling.beta(r, new double[49], 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("both series need the same number of returns");
        assertThatThrownBy(() -> Rolling.valueAtRisk(r, 10, 1.5, RiskMetrics.Method.PARAMETRIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be strictly between 0 and 1, was 1.5");
        assertThat(Rolling.volatility(r, 60, 252)).containsOnly(Double.NaN);
    }
}
