package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.risk.Returns;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegressionHttpTest extends ServerHttpTest {

    private static final String RANGE = "interval=1d&from=2024-06-03&to=2025-06-10";

    private JsonNode ok(String path) {
        HttpTestClient.Answer answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private double[] returns(String symbol) {
        JsonNode bars = ok("/api/v1/bars/" + symbol + "?" + RANGE).get("bars");
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.get(i).get("close").asDouble();
        }
        return Returns.simple(closes);
    }

    @Test
    void test_regression_onOneRegressor_isTheClosedFormLeastSquaresLine() {
        double[] y = returns("AAPL");
        double[] x = returns("SPY");
        // The textbook one-variable fit, independent of the normal equations the server solves.
        double meanX = mean(x);
        double meanY = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < y.length; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        double slope = sxy / sxx;
        double residuals = syy - slope * sxy;
        double slopeError = Math.sqrt(residuals / (y.length - 2) / sxx);

        JsonNode fit = ok("/api/v1/analytics/regression?symbol=aapl&regressors=SPY&" + RANGE);

        assertThat(fit.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(fit.get("observations").asInt()).isEqualTo(y.length);
        JsonNode coefficients = fit.get("coefficients");
        assertThat(coefficients.get(0).get("name").asString()).isEqualTo("intercept");
        assertThat(coefficients.get(0).get("estimate").asDouble()).isCloseTo(meanY - slope * meanX, within(1e-12));
        assertThat(coefficients.get(1).get("name").asString()).isEqualTo("SPY");
        assertThat(coefficients.get(1).get("estimate").asDouble()).isCloseTo(slope, within(1e-10));
        assertThat(coefficients.get(1).get("standardError").asDouble()).isCloseTo(slopeError, within(1e-10));
        assertThat(fit.get("rSquared").asDouble()).isCloseTo(sxy * sxy / (sxx * syy), within(1e-10));
        assertThat(fit.get("demo").asBoolean()).isTrue();
        assertThat(fit.get("inputs").findValuesAsString("symbol")).containsExactly("AAPL", "SPY");
    }

    @Test
    void test_regression_onItself_isRefusedNamingTheParameter() {
        HttpTestClient.Answer answer = http.get("/api/v1/analytics/regression?symbol=AAPL&regressors=SPY,aapl");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-parameter");
        assertThat(answer.json().get("parameter").asString()).isEqualTo("regressors");
    }

    @Test
    void test_regression_onElevenRegressors_isRefused() {
        HttpTestClient.Answer answer =
                http.get("/api/v1/analytics/regression?symbol=AAPL&regressors=A1,A2,A3,A4,A5,A6,A7,A8,A9,A10,A11");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).isEqualTo("Give 1 to 10 different symbols to regress on.");
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
