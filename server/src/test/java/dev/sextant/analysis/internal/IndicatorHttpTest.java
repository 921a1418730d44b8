package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.indicators.Rsi;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IndicatorHttpTest extends ServerHttpTest {

    private static final String RANGE = "interval=1d&from=2025-01-02&to=2025-06-10";

    private JsonNode ok(String path) {
        HttpTestClient.Answer answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void test_rsi_isComputedOverTheWholeHistory_andAnswersTheAskedRange() {
        String to = RANGE.substring(RANGE.indexOf("to=") + 3);
        JsonNode all = ok("/api/v1/bars/AAPL?from=1970-01-01&to=" + to).get("bars");
        double[] closes = new double[all.size()];
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < closes.length; i++) {
            closes[i] = all.get(i).get("close").asDouble();
            index.put(all.get(i).get("time").asString(), i);
        }
        double[] expected = Rsi.of(closes, 14);
        JsonNode bars = ok("/api/v1/bars/AAPL?" + RANGE).get("bars");

        JsonNode rsi = ok("/api/v1/indicators/AAPL?name=rsi&period=14&" + RANGE);

        assertThat(rsi.get("name").asString()).isEqualTo("RSI");
        assertThat(rsi.get("params").get("period").asInt()).isEqualTo(14);
        assertThat(rsi.get("demo").asBoolean()).isTrue();
        JsonNode points = rsi.get("points");
        // The history starts at the symbol's first bar, so every bar of the range has a value.
        assertThat(points.size()).isEqualTo(bars.size());
        for (int i = 0; i < points.size(); i++) {
            String time = points.get(i).get("time").asString();
            assertThat(time).isEqualTo(bars.get(i).get("time").asString());
            assertThat(points.get(i).get("value").asDouble()).isEqualTo(expected[index.get(time)]);
        }
    }

    @Test
    void test_multiOutputIndicators_answerNamedValues_withTaLibDefaults() {
        JsonNode macd = ok("/api/v1/indicators/MSFT?name=MACD&" + RANGE);
        JsonNode bands = ok("/api/v1/indicators/MSFT?name=BBANDS&period=20&stddev=2.5&" + RANGE);

        assertThat(macd.get("params").toString()).isEqualTo("{\"fast\":12,\"slow\":26,\"signal\":9}");
        JsonNode first = macd.get("points").get(0).get("value");
        assertThat(first.get("histogram").asDouble())
                .isCloseTo(
                        first.get("macd").asDouble() - first.get("signal").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
        JsonNode band = bands.get("points").get(0).get("value");
        assertThat(band.get("upper").asDouble())
                .isGreaterThan(band.get("middle").asDouble());
        assertThat(band.get("middle").asDouble())
                .isGreaterThan(band.get("lower").asDouble());
        assertThat(bands.get("params").get("stddev").asDouble()).isEqualTo(2.5);

        // Re-computed from the 20 closes up to the range's first bar: the SMA, and 2.5 population
        // standard deviations either side of it.
        JsonNode history = ok("/api/v1/bars/MSFT?interval=1d&from=2024-11-01&to=2025-01-02")
                .get("bars");
        assertThat(history.get(history.size() - 1).get("time"))
                .isEqualTo(bands.get("points").get(0).get("time"));
        double[] window = new double[20];
        for (int i = 0; i < 20; i++) {
            window[i] = history.get(history.size() - 20 + i).get("close").asDouble();
        }
        double mean = java.util.Arrays.stream(window).average().orElseThrow();
        double deviation = Math.sqrt(java.util.Arrays.stream(window)
                .map(close -> (close - mean) * (close - mean))
                .average()
                .orElseThrow());
        org.assertj.core.data.Offset<Double> rounding = org.assertj.core.data.Offset.offset(1e-9);
        assertThat(band.get("middle").asDouble()).isCloseTo(mean, rounding);
        assertThat(band.get("upper").asDouble()).isCloseTo(mean + 2.5 * deviation, rounding);
        assertThat(band.get("lower").asDouble()).isCloseTo(mean - 2.5 * deviation, rounding);
    }

    @Test
    void test_mistakes_areNamedWithTheNearestValidName() {
        HttpTestClient.Answer unknown = http.get("/api/v1/indicators/AAPL?name=RSX");
        HttpTestClient.Answer misspelt = http.get("/api/v1/indicators/AAPL?name=RSI&perod=14");
        HttpTestClient.Answer zero = http.get("/api/v1/indicators/AAPL?name=SMA&period=0");
        HttpTestClient.Answer fraction = http.get("/api/v1/indicators/AAPL?name=EMA&period=2.5");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("parameter").asString()).isEqualTo("name");
        assertThat(unknown.json().get("detail").asString()).contains("did you mean RSI?");
        assertThat(misspelt.json().get("parameter").asString()).isEqualTo("perod");
        assertThat(misspelt.json().get("detail").asString()).contains("did you mean period?");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("parameter").asString()).isEqualTo("period");
        assertThat(fraction.json().get("detail").asString()).contains("whole number");
        HttpTestClient.Answer unknownSymbol = http.get("/api/v1/indicators/ZZZZ?name=RSI");
        assertThat(unknownSymbol.status()).isEqualTo(404);
        assertThat(unknownSymbol.json().get("type").asString()).isEqualTo("urn:sextant:problem:unknown-symbol");
        assertThat(anonymous.get("/api/v1/indicators/AAPL?name=RSI").status()).isEqualTo(401);
    }

    @Test
    void test_everyListedIndicator_answersWithItsDefaults() {
        JsonNode list = ok("/api/v1/indicators").get("indicators");
        java.util.List<String> barTimes = new java.util.ArrayList<>();
        ok("/api/v1/bars/SPY?" + RANGE)
                .get("bars")
                .forEach(bar -> barTimes.add(bar.get("time").asString()));
        for (JsonNode indicator : list) {
            String name = indicator.get("name").asString();
            java.util.List<String> outputs = new java.util.ArrayList<>();
            indicator.get("outputs").forEach(output -> outputs.add(output.asString()));
            JsonNode points =
                    ok("/api/v1/indicators/SPY?name=" + name + "&" + RANGE).get("points");
            // Computed over SPY's whole history, so every bar of the range has its value.
            assertThat(points)
                    .as(name + ": one point per bar of the range")
                    .extracting(point -> point.get("time").asString())
                    .containsExactlyElementsOf(barTimes);
            for (JsonNode point : points) {
                JsonNode value = point.get("value");
                if (outputs.size() == 1) { // a single output is the bare number
                    assertThat(value.isNumber())
                            .as(name + " at " + point.get("time"))
                            .isTrue();
                } else {
                    assertThat(value.propertyNames()).as(name).containsExactlyElementsOf(outputs);
                    assertThat(value.properties())
                            .as(name + " at " + point.get("time"))
                            .allSatisfy(e -> assertThat(e.getValue().isNumber()).isTrue());
                }
            }
        }
    }

    @Test
    void test_theCatalogGivesEachIndicatorsLookbackAndWarmUpAtItsDefaults() {
        JsonNode list = ok("/api/v1/indicators").get("indicators");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        list.forEach(i -> byName.put(i.get("name").asString(), i));

        // EMA(30): alpha 2/31, the seed's weight (29/31)^n falls to 1e-9 after 311 bars past the lookback of 29.
        assertThat(byName.get("EMA").get("lookback").asInt()).isEqualTo(29);
        assertThat(byName.get("EMA").get("unstablePeriod").asInt()).isEqualTo(311);
        assertThat(byName.get("EMA").get("warmUp").asInt()).isEqualTo(340);
        // RSI(14): Wilder's smoothing keeps 13/14 a bar: 280 bars past the lookback of 14.
        assertThat(byName.get("RSI").get("lookback").asInt()).isEqualTo(14);
        assertThat(byName.get("RSI").get("warmUp").asInt()).isEqualTo(294);
        // A window forgets its start at once; OBV never does.
        assertThat(byName.get("SMA").get("unstablePeriod").asInt()).isZero();
        assertThat(byName.get("SMA").get("warmUp").asInt())
                .isEqualTo(byName.get("SMA").get("lookback").asInt());
        assertThat(byName.get("OBV").get("warmUp").isNull()).isTrue();
        for (IndicatorCatalog.Definition definition : IndicatorCatalog.ALL.values()) {
            Map<String, Double> defaults = definition.resolve(Map.of());
            assertThat(byName.get(definition.name()).get("lookback").asInt())
                    .as(definition.name())
                    .isEqualTo(definition.lookback(defaults));
        }
    }

    @Test
    void test_theCatalogListsEveryIndicatorWithItsParameters() {
        JsonNode list = ok("/api/v1/indicators").get("indicators");

        assertThat(list)
                .extracting(i -> i.get("name").asString())
                .containsExactly(
                        "SMA",
                        "EMA",
                        "RSI",
                        "MACD",
                        "BBANDS",
                        "ATR",
                        "WMA",
                        "DEMA",
                        "TEMA",
                        "MOM",
                        "ROC",
                        "STDDEV",
                        "LINEARREG_SLOPE",
                        "WILLR",
                        "OBV",
                        "DONCHIAN",
                        "NATR",
                        "CCI",
                        "MFI",
                        "STOCH",
                        "ADX",
                        "PLUS_DI",
                        "MINUS_DI",
                        "KAMA",
                        "STOCHRSI",
                        "KELTNER",
                        "ICHIMOKU",
                        "VWAP",
                        "SAR");
        assertThat(list.get(3).get("outputs").toString()).isEqualTo("[\"macd\",\"signal\",\"histogram\"]");
    }

    @Test
    void test_theCatalogSaysWhereAChartDrawsEachIndicator_andWhatItPutsOnThePriceIsAPriceLevel() {
        JsonNode list = ok("/api/v1/indicators").get("indicators");
        Map<String, String> placement = new java.util.HashMap<>();
        list.forEach(
                i -> placement.put(i.get("name").asString(), i.get("placement").asString()));

        assertThat(placement.values()).allMatch(p -> p.equals("price") || p.equals("pane"));
        assertThat(placement)
                .containsEntry("SMA", "price")
                .containsEntry("BBANDS", "price")
                .containsEntry("ICHIMOKU", "price")
                .containsEntry("VWAP", "price")
                .containsEntry("RSI", "pane")
                .containsEntry("STOCH", "pane")
                // In the instrument's currency, yet differences and spreads, not price levels.
                .containsEntry("MACD", "pane")
                .containsEntry("ATR", "pane")
                .containsEntry("MOM", "pane");

        // Drawn on the bars' scale, every output of an overlay lies among the bars' prices.
        JsonNode bars = ok("/api/v1/bars/MSFT?" + RANGE).get("bars");
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (JsonNode bar : bars) {
            low = Math.min(low, bar.get("low").asDouble());
            high = Math.max(high, bar.get("high").asDouble());
        }
        double floor = low - (high - low);
        double ceiling = high + (high - low);
        for (Map.Entry<String, String> entry : placement.entrySet()) {
            if (!entry.getValue().equals("price")) {
                continue;
            }
            JsonNode points = ok("/api/v1/indicators/MSFT?name=" + entry.getKey() + "&" + RANGE)
                    .get("points");
            assertThat(points).as(entry.getKey()).isNotEmpty();
            for (JsonNode point : points) {
                JsonNode value = point.get("value");
                java.util.List<Double> values = new java.util.ArrayList<>();
                if (value.isNumber()) {
                    values.add(value.asDouble());
                } else {
                    value.properties().forEach(e -> values.add(e.getValue().asDouble()));
                }
                assertThat(values)
                        .as(entry.getKey() + " at " + point.get("time"))
                        .allSatisfy(v -> assertThat(v).isBetween(floor, ceiling));
            }
        }
    }
}
