package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.risk.RiskMetrics;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ReferenceStatistics;
import dev.sextant.support.ServerHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RiskHttpTest extends ServerHttpTest {

    private static final String RANGE = "interval=1d&from=2024-06-03&to=2025-06-10";

    private JsonNode ok(String path) {
        HttpTestClient.Answer answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private double[] closes(String symbol) {
        JsonNode bars = ok("/api/v1/bars/" + symbol + "?" + RANGE).get("bars");
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.get(i).get("close").asDouble();
        }
        return closes;
    }

    @Test
    void test_risk_isComputedOnTheServedBars() {
        double[] prices = closes("AAPL");
        double[] returns = Returns.simple(prices);

        JsonNode risk = ok("/api/v1/analytics/risk/AAPL?" + RANGE + "&benchmark=SPY&confidence=0.99");

        assertThat(risk.get("observations").asInt()).isEqualTo(prices.length);
        assertThat(risk.get("periodsPerYear").asInt()).isEqualTo(252);
        assertThat(risk.get("volatility").asDouble()).isCloseTo(RiskMetrics.volatility(returns, 252), within(1e-12));
        assertThat(risk.get("historicalVar").asDouble())
                .isCloseTo(RiskMetrics.valueAtRisk(returns, 0.99, RiskMetrics.Method.HISTORICAL), within(1e-12));
        assertThat(risk.get("maxDrawdown").get("depth").asDouble())
                .isCloseTo(RiskMetrics.maxDrawdown(prices).depth(), within(1e-12));
        assertThat(risk.get("benchmark").asString()).isEqualTo("SPY");
        // Beta re-computed apart from the kernels: the returns' covariance over the market's variance.
        double[] market = Returns.simple(closes("SPY"));
        assertThat(market).hasSameSizeAs(returns);
        assertThat(risk.get("beta").asDouble()).isCloseTo(ReferenceStatistics.beta(returns, market), within(1e-9));
    }

    @Test
    void test_rollingMetrics_areEachWindowsMetric_stampedAtTheWindowsLastBar() {
        double[] prices = closes("AAPL");
        double[] returns = Returns.simple(prices);
        double[] spy = Returns.simple(closes("SPY"));
        JsonNode bars = ok("/api/v1/bars/AAPL?" + RANGE).get("bars");

        JsonNode volatility = ok("/api/v1/analytics/rolling/AAPL?metric=volatility&window=63&" + RANGE);
        JsonNode beta = ok("/api/v1/analytics/rolling/AAPL?metric=beta&window=21&benchmark=spy&" + RANGE);
        JsonNode drawdown = ok("/api/v1/analytics/rolling/AAPL?metric=max_drawdown&window=21&" + RANGE);
        JsonNode var = ok("/api/v1/analytics/rolling/AAPL?metric=var&window=100&method=parametric&" + RANGE);

        JsonNode points = volatility.get("points");
        assertThat(points).hasSize(returns.length - 63 + 1);
        assertThat(points.get(0).get("time").asString())
                .isEqualTo(bars.get(63).get("time").asString());
        int last = returns.length;
        assertThat(points.get(points.size() - 1).get("value").asDouble())
                .isCloseTo(
                        RiskMetrics.volatility(java.util.Arrays.copyOfRange(returns, last - 63, last), 252),
                        within(1e-12));
        assertThat(beta.get("benchmark").asString()).isEqualTo("SPY");
        assertThat(beta.get("points").get(0).get("value").asDouble())
                .isCloseTo(
                        RiskMetrics.beta(
                                java.util.Arrays.copyOfRange(returns, 0, 21), java.util.Arrays.copyOfRange(spy, 0, 21)),
                        within(1e-12));
        assertThat(drawdown.get("points").get(0).get("value").asDouble())
                .isCloseTo(
                        RiskMetrics.maxDrawdown(java.util.Arrays.copyOfRange(prices, 0, 22))
                                .depth(),
                        within(1e-12));
        assertThat(var.get("method").asString()).isEqualTo("parametric");
        assertThat(var.get("points").get(0).get("value").asDouble())
                .isCloseTo(
                        RiskMetrics.valueAtRisk(
                                java.util.Arrays.copyOfRange(returns, 0, 100), 0.95, RiskMetrics.Method.PARAMETRIC),
                        within(1e-12));
    }

    @Test
    void test_rollingMistakes_nameTheParameter() {
        for (String[] bad : new String[][] {
            {"metric=volatilty&window=20", "metric"},
            {"metric=beta&window=20", "benchmark"},
            {"metric=sharpe&window=1", "window"},
            {"metric=var&window=20&method=monte-carlo", "method"},
            {"metric=var&window=20&confidence=1.5", "confidence"}
        }) {
            HttpTestClient.Answer answer = http.get("/api/v1/analytics/rolling/AAPL?" + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.json().get("type").asString())
                    .as(bad[0])
                    .isEqualTo("urn:sextant:problem:invalid-parameter");
            assertThat(answer.json().get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void test_correlation_alignsTheSymbolsAndAnswersASymmetricMatrix() {
        double[] aapl = Returns.log(closes("AAPL"));
        double[] msft = Returns.log(closes("MSFT"));

        JsonNode answer = ok("/api/v1/analytics/correlation?symbols=AAPL,MSFT,BTC-USD&" + RANGE);

        JsonNode matrix = answer.get("matrix");
        assertThat(answer.get("symbols").toString()).isEqualTo("[\"AAPL\",\"MSFT\",\"BTC-USD\"]");
        assertThat(matrix.get(0).get(0).asDouble()).isEqualTo(1.0);
        assertThat(matrix.get(0).get(1).asDouble())
                .isEqualTo(matrix.get(1).get(0).asDouble());
        // Crypto trades at weekends, stocks do not: only the common days count, as for AAPL and MSFT alone.
        assertThat(answer.get("observations").asInt()).isEqualTo(aapl.length);
        assertThat(matrix.get(0).get(1).asDouble()).isCloseTo(Correlation.correlation(aapl, msft), within(1e-12));
    }

    @Test
    void test_badRequests_areNamed() {
        assertThat(http.get("/api/v1/analytics/correlation?symbols=AAPL")
                        .json()
                        .get("parameter")
                        .asString())
                .isEqualTo("symbols");
        assertThat(http.get("/api/v1/analytics/risk/AAPL?confidence=1.5")
                        .json()
                        .get("parameter")
                        .asString())
                .isEqualTo("confidence");
        HttpTestClient.Answer unknown = http.get("/api/v1/analytics/risk/ZZZZ");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:sextant:problem:unknown-symbol");
        HttpTestClient.Answer nobody = anonymous.get("/api/v1/analytics/risk/AAPL");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.json().get("type").asString()).isEqualTo("urn:sextant:problem:unauthenticated");
    }
}
