package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.ServerHttpTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo macro series answer in the units docs/API.md states: percent for yields, index points otherwise. */
class DemoMacroUnitsHttpTest extends ServerHttpTest {

    private static final Map<String, String> UNITS = Map.of("US10Y", "PCT", "CPI", "IDX", "VIX", "IDX");

    @Test
    void test_instrumentsAndQuotes_carryTheMacroSeriesUnits() {
        JsonNode instruments = http.get("/api/v1/instruments").json().get("instruments");

        UNITS.forEach((symbol, unit) -> {
            JsonNode instrument = null;
            for (JsonNode candidate : instruments) {
                if (candidate.get("symbol").asString().equals(symbol)) {
                    instrument = candidate;
                }
            }
            assertThat(instrument).as(symbol).isNotNull();
            assertThat(instrument.get("assetClass").asString()).isEqualTo("MACRO");
            assertThat(instrument.get("currency").asString()).as(symbol).isEqualTo(unit);
            assertThat(instrument.get("demo").asBoolean()).isTrue();
            assertThat(http.get("/api/v1/quotes/" + symbol)
                            .json()
                            .get("currency")
                            .asString())
                    .as(symbol + " quote")
                    .isEqualTo(unit);
        });
        assertThat(http.get("/api/v1/quotes/AAPL").json().get("currency").asString())
                .isEqualTo("USD");
    }
}
