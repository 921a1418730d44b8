package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IndicatorOpenApiHttpTest extends ServerHttpTest {

    private JsonNode indicatorOperation() {
        HttpTestClient.Answer answer = anonymous.get("/api/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("paths").get("/api/v1/indicators/{symbol}").get("get");
    }

    @Test
    void test_nameParameter_isAnEnumOfEveryRegistryIndicator_inRegistryOrder() {
        JsonNode name = null;
        for (JsonNode parameter : indicatorOperation().get("parameters")) {
            if (parameter.get("name").asString().equals("name")) {
                name = parameter;
            }
        }
        assertThat(name).as("a 'name' parameter").isNotNull();
        List<String> values = new ArrayList<>();
        name.get("schema").get("enum").forEach(v -> values.add(v.asString()));

        assertThat(values).containsExactlyElementsOf(IndicatorCatalog.ALL.keySet());
        assertThat(name.get("in").asString()).isEqualTo("query");
        assertThat(name.get("required").asBoolean()).isTrue();
    }

    @Test
    void test_description_namesEveryIndicatorWithItsParameters() {
        String description = indicatorOperation().get("description").asString();

        assertThat(description).contains("The " + IndicatorCatalog.ALL.size() + " indicators");
        assertThat(description).contains("MACD(fast, slow, signal)", "RSI(period)");
        for (String indicator : IndicatorCatalog.ALL.keySet()) {
            assertThat(description).contains(indicator + "(");
        }
    }
}
