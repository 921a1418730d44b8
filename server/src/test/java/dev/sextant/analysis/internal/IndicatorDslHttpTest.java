package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Generated from the indicator catalog, not a hand list: for every output of every indicator, with
 * non-default parameters, the last point of {@code GET /api/v1/indicators} equals FK-DSL's
 * {@code EVALUATE}, and a SCAN's threshold at exactly that value includes the symbol with {@code =}
 * and {@code >=} and excludes it with {@code >}.
 */
class IndicatorDslHttpTest extends ServerHttpTest {

    private static final String SYMBOL = "AAPL";

    private static List<String> symbols(JsonNode table) {
        return StreamSupport.stream(table.get("rows").spliterator(), false)
                .map(row -> row.get(0).asString())
                .toList();
    }

    @Test
    void test_everyOutputOfEveryIndicator_isTheSameOverHttp_inEvaluate_andAtScansThreshold() {
        String watchlist = unique("indicators");
        assertThat(http.postJson(
                                "/api/v1/me/watchlists",
                                "{\"name\":\"" + watchlist + "\",\"symbols\":[\"" + SYMBOL + "\",\"MSFT\"]}")
                        .status())
                .isEqualTo(201);
        int checked = 0;
        for (IndicatorCatalog.Definition indicator : IndicatorCatalog.ALL.values()) {
            List<String> arguments = new ArrayList<>();
            StringBuilder parameters = new StringBuilder();
            for (IndicatorCatalog.Param param : indicator.params()) {
                double value = param.integer()
                        ? Math.min(param.max(), param.defaultValue() + 1)
                        : Math.min(param.max(), param.defaultValue() * 1.5);
                String text = param.integer() ? String.valueOf((long) value) : String.valueOf(value);
                arguments.add(text);
                parameters.append('&').append(param.name()).append('=').append(text);
            }
            HttpTestClient.Answer endpoint =
                    http.get("/api/v1/indicators/" + SYMBOL + "?name=" + indicator.name() + parameters);
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(200);
            JsonNode points = endpoint.json().get("points");
            JsonNode last = points.get(points.size() - 1).get("value");
            List<String> outputs = indicator.outputs().isEmpty() ? List.of("value") : indicator.outputs();
            for (String output : outputs) {
                String metric = indicator.name() + (arguments.isEmpty() ? "" : "(" + String.join(",", arguments) + ")")
                        + "." + output;
                double expected = indicator.outputs().isEmpty()
                        ? last.asDouble()
                        : last.get(output).asDouble();
                // The exact decimal expansion of the double: it reads back as the same double.
                String threshold = new BigDecimal(expected).toPlainString();
                String scan = "SCAN watchlist:" + watchlist + " WHERE " + metric;

                HttpTestClient.Answer answer = http.query("EVALUATE " + SYMBOL + ": " + metric + "; " + scan + " = "
                        + threshold + "; " + scan + " >= " + threshold + "; " + scan + " > " + threshold);

                assertThat(answer.status()).as(metric + ": " + answer.body()).isEqualTo(200);
                JsonNode results = answer.json().get("results");
                JsonNode evaluated = results.get(0);
                assertThat(evaluated.get("columns").get(1).get("name").asString())
                        .isEqualTo(metric);
                assertThat(evaluated.get("columns").get(1).get("unit").asString())
                        .as(metric)
                        .isEqualTo(endpoint.json().get("unit").asString())
                        .isEqualTo(indicator.unit());
                assertThat(evaluated.get("rows").get(0).get(1).asDouble())
                        .as(metric + " EVALUATE = the indicator endpoint's last point")
                        .isEqualTo(expected);
                assertThat(symbols(results.get(1)))
                        .as(metric + " = " + threshold)
                        .contains(SYMBOL);
                JsonNode row = StreamSupport.stream(results.get(1).get("rows").spliterator(), false)
                        .filter(r -> r.get(0).asString().equals(SYMBOL))
                        .findFirst()
                        .orElseThrow();
                assertThat(row.get(1).asDouble())
                        .as(metric + " in the SCAN's row")
                        .isEqualTo(expected);
                assertThat(symbols(results.get(2)))
                        .as(metric + " >= " + threshold)
                        .contains(SYMBOL);
                assertThat(symbols(results.get(3)))
                        .as(metric + " > " + threshold)
                        .doesNotContain(SYMBOL);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(IndicatorCatalog.ALL.size());
    }

    @Test
    void test_wrongArityAndUnknownOutputs_are400WithLineColumnAndTheAllowedOnes() {
        HttpTestClient.Answer arity = http.query("EVALUATE AAPL:\n  ADX(14), BBANDS(20,2,1).upper");
        HttpTestClient.Answer output = http.query("EVALUATE AAPL: STOCH(14,3,3).j");

        assertThat(arity.status()).isEqualTo(400);
        assertThat(arity.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-invalid");
        assertThat(arity.json().get("line").asInt()).isEqualTo(2);
        assertThat(arity.json().get("column").asInt()).isEqualTo(12);
        assertThat(arity.json().get("detail").asString()).contains("at most 2 arguments (period, stddev)");
        assertThat(output.status()).isEqualTo(400);
        assertThat(output.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-syntax");
        assertThat(output.json().get("line").asInt()).isEqualTo(1);
        assertThat(output.json().get("column").asInt()).isEqualTo(30);
        assertThat(output.json().get("detail").asString()).contains("STOCH's outputs are k, d");
    }
}
