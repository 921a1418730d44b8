package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ReferenceStatistics;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every answer computed from market data names the source of each input and whether any is demo;
 * demo series never silently meet real ones. The real series is imported over HTTP, as a user would.
 */
class ProvenanceHttpTest extends ServerHttpTest {

    private static final String BOUNDARY = "----sextant-provenance-boundary";
    private static final String RANGE = "interval=1d&from=2024-06-03&to=2025-06-10";
    private static final String MIXED = "urn:sextant:problem:demo-mixed-with-real";

    private String real;

    /** A year of weekday bars up to the day before the suite's clock, a random walk like a stock's. */
    private static String realLookingCsv() {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        SplittableRandom random = new SplittableRandom(11);
        double close = 50;
        for (LocalDate day = LocalDate.of(2024, 6, 3); !day.isAfter(LocalDate.of(2025, 6, 10)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double open = close;
            close = Math.max(1, close * Math.exp(0.015 * random.nextGaussian()));
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%.2f,%.2f,%.2f,%.2f,%.2f,%d%n",
                    day,
                    open,
                    Math.max(open, close) * 1.01,
                    Math.min(open, close) * 0.99,
                    close,
                    close,
                    100_000 + random.nextInt(50_000)));
        }
        return csv.toString();
    }

    @BeforeEach
    void importARealSeries() {
        HttpTestClient analyst = signedInAs(unique("provenance-importer"), Role.ANALYST);
        real = "REAL" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n" + real + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bars.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + realLookingCsv() + "\r\n--" + BOUNDARY + "--\r\n";
        Answer imported = analyst.send(analyst.request("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    }

    private Answer query(String text, String parameters) {
        return http.send(http.request("/api/v1/query" + parameters)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build());
    }

    /** The closes of the real series and of SPY on the days both have a bar, read from {@code /bars}. */
    private double[][] commonCloses() {
        Map<String, Double> mine = closesByTime(real);
        Map<String, Double> spy = closesByTime("SPY");
        List<String> common = mine.keySet().stream().filter(spy::containsKey).toList();
        assertThat(common).as("common days").hasSizeGreaterThan(200);
        return new double[][] {
            common.stream().mapToDouble(mine::get).toArray(),
            common.stream().mapToDouble(spy::get).toArray()
        };
    }

    private Map<String, Double> closesByTime(String symbol) {
        Map<String, Double> closes = new TreeMap<>();
        ok(http.get("/api/v1/bars/" + symbol + "?" + RANGE))
                .get("bars")
                .forEach(bar ->
                        closes.put(bar.get("time").asString(), bar.get("close").asDouble()));
        return closes;
    }

    private double[][] simpleReturnsOnCommonDays() {
        double[][] closes = commonCloses();
        double[][] returns = new double[2][closes[0].length - 1];
        for (int s = 0; s < 2; s++) {
            for (int i = 1; i < closes[s].length; i++) {
                returns[s][i - 1] = closes[s][i] / closes[s][i - 1] - 1;
            }
        }
        return returns;
    }

    private static double[][] logReturns(double[][] closes) {
        double[][] returns = new double[2][closes[0].length - 1];
        for (int s = 0; s < 2; s++) {
            for (int i = 1; i < closes[s].length; i++) {
                returns[s][i - 1] = Math.log(closes[s][i] / closes[s][i - 1]);
            }
        }
        return returns;
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A 422 demo-mixed-with-real naming SPY as the demo input and the imported series as the real one. */
    private void assertRefusedNamingSpy(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo(MIXED);
        assertThat(problem.get("demoSymbols").toString()).isEqualTo("[\"SPY\"]");
        assertThat(problem.get("realSymbols").toString()).isEqualTo("[\"" + real + "\"]");
        assertThat(problem.get("detail").asString())
                .contains("SPY")
                .contains("demo")
                .contains("allowDemo");
    }

    /** Answered with the opt-in: labelled demo and mixed, each input with its source. */
    private void assertLabelledMixed(JsonNode answer) {
        assertThat(answer.get("demo").asBoolean()).isTrue();
        assertThat(answer.get("mixed").asBoolean()).isTrue();
        JsonNode inputs = answer.get("inputs");
        assertThat(inputs).hasSize(2);
        JsonNode mine = inputs.get(0);
        assertThat(mine.get("symbol").asString()).isEqualTo(real);
        assertThat(mine.get("provider").asString()).isEqualTo("import");
        assertThat(mine.get("demo").asBoolean()).isFalse();
        assertThat(mine.get("interval").asString()).isEqualTo("1d");
        assertThat(mine.get("asOf").asString()).isEqualTo("2025-06-10T00:00:00Z");
        assertThat(mine.get("fetchedAt").isString()).isTrue();
        assertThat(mine.get("stale").asBoolean()).isFalse();
        JsonNode spy = inputs.get(1);
        assertThat(spy.get("symbol").asString()).isEqualTo("SPY");
        assertThat(spy.get("provider").asString()).isEqualTo("demo");
        assertThat(spy.get("demo").asBoolean()).isTrue();
    }

    @Test
    void test_risk_refusesADemoBenchmarkForARealSeries_unlessAskedAndThenLabelsIt() {
        String path = "/api/v1/analytics/risk/" + real + "?" + RANGE + "&benchmark=SPY";

        assertRefusedNamingSpy(http.get(path));
        JsonNode allowed = ok(http.get(path + "&allowDemo=true"));

        assertLabelledMixed(allowed);
        double[][] returns = simpleReturnsOnCommonDays();
        assertThat(allowed.get("observations").asInt()).isEqualTo(returns[0].length + 1);
        assertThat(allowed.get("beta").asDouble())
                .isCloseTo(ReferenceStatistics.beta(returns[0], returns[1]), within(1e-9));
    }

    @Test
    void test_rolling_refusesADemoBenchmarkForARealSeries_unlessAskedAndThenLabelsIt() {
        String path = "/api/v1/analytics/rolling/" + real + "?metric=beta&window=21&" + RANGE + "&benchmark=spy";

        assertRefusedNamingSpy(http.get(path));
        JsonNode allowed = ok(http.get(path + "&allowDemo=true"));

        assertLabelledMixed(allowed);
        double[][] returns = simpleReturnsOnCommonDays();
        JsonNode points = allowed.get("points");
        assertThat(points).hasSize(returns[0].length - 21 + 1);
        double[] mine = Arrays.copyOfRange(returns[0], 0, 21);
        double[] spy = Arrays.copyOfRange(returns[1], 0, 21);
        assertThat(points.get(0).get("value").asDouble()).isCloseTo(ReferenceStatistics.beta(mine, spy), within(1e-9));
    }

    @Test
    void test_correlation_refusesDemoWithReal_unlessAskedAndThenLabelsIt() {
        String path = "/api/v1/analytics/correlation?symbols=" + real + ",SPY&" + RANGE;

        assertRefusedNamingSpy(http.get(path));
        JsonNode allowed = ok(http.get(path + "&allowDemo=true"));

        assertLabelledMixed(allowed);
        double[][] returns = logReturns(commonCloses());
        assertThat(allowed.get("matrix").get(0).get(1).asDouble())
                .as("Pearson correlation of the log returns on the days both have a bar")
                .isCloseTo(ReferenceStatistics.correlation(returns[0], returns[1]), within(1e-9));
    }

    @Test
    void test_query_refusesDemoWithReal_unlessTheBodyAsksAndThenLabelsIt() {
        String text = "EVALUATE " + real + ": CORRELATE(SPY, 1y)";

        assertRefusedNamingSpy(query(text, ""));
        JsonNode allowed = ok(http.postJson("/api/v1/query", "{\"query\":\"" + text + "\",\"allowDemo\":true}"));
        JsonNode allowedAsText = ok(query(text, "?allowDemo=true"));

        assertLabelledMixed(allowed);
        assertLabelledMixed(allowedAsText);
        assertThat(allowed.get("results").get(0).get("rows").get(0).get(1).isNumber())
                .isTrue();
    }

    @Test
    void test_answersOfOneKind_sayWhereTheyCameFrom() {
        JsonNode realRisk = ok(http.get("/api/v1/analytics/risk/" + real + "?" + RANGE));
        JsonNode demoRisk = ok(http.get("/api/v1/analytics/risk/AAPL?" + RANGE + "&benchmark=SPY"));
        JsonNode realQuery = ok(query("EVALUATE " + real + ": PRICE", ""));
        JsonNode demoQuery = ok(query("EVALUATE AAPL: PRICE, CORRELATE(SPY, 1y)", ""));

        assertThat(realRisk.get("demo").asBoolean()).isFalse();
        assertThat(realRisk.get("mixed").asBoolean()).isFalse();
        assertThat(realRisk.get("inputs"))
                .extracting(i -> i.get("provider").asString())
                .containsExactly("import");
        assertThat(demoRisk.get("demo").asBoolean()).isTrue();
        assertThat(demoRisk.get("mixed").asBoolean()).isFalse();
        assertThat(demoRisk.get("inputs"))
                .extracting(i -> i.get("symbol").asString())
                .containsExactly("AAPL", "SPY");
        assertThat(demoRisk.get("inputs"))
                .allSatisfy(i -> assertThat(i.get("demo").asBoolean()).isTrue());
        assertThat(realQuery.get("demo").asBoolean()).isFalse();
        assertThat(realQuery.get("inputs").get(0).get("symbol").asString()).isEqualTo(real);
        assertThat(realQuery.get("inputs").get(0).get("asOf").asString()).isEqualTo("2025-06-10T00:00:00Z");
        assertThat(demoQuery.get("demo").asBoolean()).isTrue();
        assertThat(demoQuery.get("mixed").asBoolean()).isFalse();
        assertThat(demoQuery.get("inputs"))
                .extracting(i -> i.get("provider").asString())
                .containsExactly("demo", "demo");
    }
}
