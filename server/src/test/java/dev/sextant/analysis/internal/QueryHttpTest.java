package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ReferenceStatistics;
import dev.sextant.support.ServerHttpTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QueryHttpTest extends ServerHttpTest {

    @Test
    void test_evaluate_computesOnTheServedBars() {
        HttpTestClient.Answer answer = http.query(
                "EVALUATE AAPL: PRICE, CHANGE(1d), VOLATILITY(30d), RSI(14), MACD(12,26,9), SMA(50), CORRELATE(SPY, 1y)");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode table = answer.json().get("results").get(0);
        assertThat(table.get("columns").toString())
                .startsWith("[{\"name\":\"symbol\",\"type\":\"string\",\"unit\":null},"
                        + "{\"name\":\"PRICE\",\"type\":\"number\",\"unit\":\"price\"}");
        JsonNode row = table.get("rows").get(0);
        assertThat(row.get(0).asString()).isEqualTo("AAPL");

        // The executor fetched 1 year (the longest span, 366 days) + 3 days per session of SMA(50) + 10.
        String from = LocalDate.of(2025, 6, 11).minusDays(366 + 150 + 10).toString();
        JsonNode bars = http.get("/api/v1/bars/AAPL?from=" + from + "&to=2025-06-11")
                .json()
                .get("bars");
        double lastClose = bars.get(bars.size() - 1).get("close").asDouble();
        double previousClose = bars.get(bars.size() - 2).get("close").asDouble();
        assertThat(row.get(1).asDouble()).isEqualTo(lastClose);
        assertThat(row.get(2).asDouble())
                .as("a fraction")
                .isCloseTo(lastClose / previousClose - 1, org.assertj.core.data.Offset.offset(1e-12));
        JsonNode rsi = http.get("/api/v1/indicators/AAPL?name=RSI&period=14&from=" + from + "&to=2025-06-11")
                .json()
                .get("points");
        assertThat(row.get(4).asDouble())
                .isEqualTo(rsi.get(rsi.size() - 1).get("value").asDouble());

        // Re-computed here from the served closes: 30d is 30 sessions (31 closes), 1y 252.
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.get(i).get("close").asDouble();
        }
        double[] lastReturns = new double[30];
        for (int i = 0; i < 30; i++) {
            int at = closes.length - 30 + i;
            lastReturns[i] = closes[at] / closes[at - 1] - 1;
        }
        assertThat(row.get(3).asDouble())
                .as("VOLATILITY(30d): the sample deviation of 30 daily returns, annualized over 252")
                .isCloseTo(Math.sqrt(ReferenceStatistics.covariance(lastReturns, lastReturns) * 252), within(1e-12));
        double sma = 0;
        for (int i = closes.length - 50; i < closes.length; i++) {
            sma += closes[i] / 50;
        }
        assertThat(row.get(6).asDouble()).as("SMA(50)").isCloseTo(sma, within(1e-9));
        JsonNode spyBars = http.get("/api/v1/bars/SPY?from=" + from + "&to=2025-06-11")
                .json()
                .get("bars");
        assertThat(spyBars.get(spyBars.size() - 253).get("time"))
                .as("AAPL and SPY trade on the same sessions")
                .isEqualTo(bars.get(bars.size() - 253).get("time"));
        double[] mine = new double[252];
        double[] spy = new double[252];
        for (int i = 0; i < 252; i++) {
            int a = bars.size() - 252 + i;
            int b = spyBars.size() - 252 + i;
            mine[i] = Math.log(bars.get(a).get("close").asDouble()
                    / bars.get(a - 1).get("close").asDouble());
            spy[i] = Math.log(spyBars.get(b).get("close").asDouble()
                    / spyBars.get(b - 1).get("close").asDouble());
        }
        assertThat(row.get(7).asDouble())
                .as("CORRELATE(SPY, 1y): Pearson correlation of 252 daily log returns")
                .isCloseTo(ReferenceStatistics.correlation(mine, spy), within(1e-9));
    }

    @Test
    void test_aMetricsValue_doesNotDependOnItsNeighbours_norOnTheIndicatorEndpointsRange() {
        double alone = http.query("EVALUATE AAPL: RSI(14)")
                .json()
                .get("results")
                .get(0)
                .get("rows")
                .get(0)
                .get(1)
                .asDouble();
        JsonNode withOthers = http.query("EVALUATE AAPL: RSI(14), SMA(50), CORRELATE(SPY, 2y)")
                .json()
                .get("results")
                .get(0)
                .get("rows")
                .get(0);
        JsonNode scan = http.query("SCAN universe:demo WHERE RSI(14) BETWEEN 0 AND 100 AND SMA(200) > 0 LIMIT 1000")
                .json()
                .get("results")
                .get(0)
                .get("rows");
        double scanned = java.util.stream.StreamSupport.stream(scan.spliterator(), false)
                .filter(r -> r.get(0).asString().equals("AAPL"))
                .findFirst()
                .orElseThrow()
                .get(1)
                .asDouble();

        assertThat(withOthers.get(1).asDouble()).isEqualTo(alone);
        assertThat(scanned).isEqualTo(alone);
        for (String from : new String[] {"2025-06-01", "2024-06-11", "2015-01-01"}) {
            JsonNode points = http.get("/api/v1/indicators/AAPL?name=RSI&period=14&from=" + from + "&to=2025-06-11")
                    .json()
                    .get("points");
            assertThat(points.get(points.size() - 1).get("value").asDouble())
                    .as(from)
                    .isEqualTo(alone);
        }
    }

    @Test
    void test_everyColumnHasItsUnit_andChangesDrawdownsAndVolatilityAreFractions_asInTheRiskEndpoint() {
        JsonNode table = http.query("EVALUATE AAPL: PRICE, CHANGE(1y), MAX_DRAWDOWN(1y), VOLATILITY(1y), SHARPE(1y), "
                        + "RSI(14), VOLUME, CORRELATE(SPY, 1y)")
                .json()
                .get("results")
                .get(0);
        java.util.List<String> units = new java.util.ArrayList<>();
        table.get("columns").forEach(c -> units.add(c.get("name").asString() + "=" + c.get("unit")));
        assertThat(units)
                .containsExactly(
                        "symbol=null",
                        "PRICE=\"price\"",
                        "CHANGE(1Y)=\"fraction\"",
                        "MAX_DRAWDOWN(1Y)=\"fraction\"",
                        "VOLATILITY(1Y)=\"fraction\"",
                        "SHARPE(1Y)=\"ratio\"",
                        "RSI(14)=\"index 0 to 100\"",
                        "VOLUME=\"volume\"",
                        "CORRELATE(SPY,1Y)=\"correlation -1 to 1\"");

        // A year is 252 sessions: 253 closes. The risk endpoint over exactly those closes agrees.
        JsonNode bars = http.get("/api/v1/bars/AAPL?from=2023-06-01&to=2025-06-11")
                .json()
                .get("bars");
        String from = bars.get(bars.size() - 253).get("time").asString().substring(0, 10);
        double first = bars.get(bars.size() - 253).get("close").asDouble();
        double last = bars.get(bars.size() - 1).get("close").asDouble();
        JsonNode risk = http.get("/api/v1/analytics/risk/AAPL?from=" + from + "&to=2025-06-11")
                .json();
        JsonNode row = table.get("rows").get(0);
        assertThat(risk.get("observations").asInt()).isEqualTo(253);
        assertThat(row.get(2).asDouble()).isCloseTo(last / first - 1, within(1e-12));
        assertThat(row.get(3).asDouble())
                .isCloseTo(risk.get("maxDrawdown").get("depth").asDouble(), within(1e-12));
        assertThat(row.get(4).asDouble()).isCloseTo(risk.get("volatility").asDouble(), within(1e-12));
        assertThat(row.get(5).asDouble()).isCloseTo(risk.get("sharpe").asDouble(), within(1e-12));
        // The indicators endpoint names the same units.
        JsonNode indicators = http.get("/api/v1/indicators").json().get("indicators");
        java.util.Map<String, String> indicatorUnits = new java.util.HashMap<>();
        indicators.forEach(
                i -> indicatorUnits.put(i.get("name").asString(), i.get("unit").asString()));
        assertThat(indicatorUnits)
                .containsEntry("RSI", "index 0 to 100")
                .containsEntry("SMA", "price")
                .containsEntry("ROC", "percent")
                .hasSize(dev.sextant.analytics.indicators.IndicatorCatalog.ALL.size());
        assertThat(http.get("/api/v1/indicators/AAPL?name=WILLR")
                        .json()
                        .get("unit")
                        .asString())
                .isEqualTo("index -100 to 0");
    }

    @Test
    void test_compare_andSeveralStatements_asJson() {
        HttpTestClient.Answer answer = http.postJson(
                "/api/v1/query",
                "{\"query\":\"COMPARE BTC-USD vs ETH-USD vs SOL-USD ON VOLATILITY(90d), SHARPE(1y), MAX_DRAWDOWN(1y); "
                        + "EVALUATE SPY: PRICE\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("rows"))
                .extracting(r -> r.get(0).asString())
                .containsExactly("BTC-USD", "ETH-USD", "SOL-USD");
        assertThat(results.get(0).get("rows").get(0).get(3).asDouble()).isLessThanOrEqualTo(0);
        JsonNode spyBars = http.get("/api/v1/bars/SPY?from=2025-05-01&to=2025-06-11")
                .json()
                .get("bars");
        assertThat(results.get(1).get("rows").get(0).get(1).asDouble())
                .as("PRICE: the last served daily close")
                .isEqualTo(spyBars.get(spyBars.size() - 1).get("close").asDouble());
    }

    @Test
    void test_scan_filtersOrdersAndLimitsAUniverse() {
        HttpTestClient.Answer issueExample =
                http.query("SCAN universe:demo WHERE RSI(14) < 30 AND VOLUME > AVG_VOLUME(30d) * 2 "
                        + "AND PRICE_CHANGE(1d) > 5% ORDER BY RSI(14) LIMIT 20");
        HttpTestClient.Answer top =
                http.query("SCAN universe:demo WHERE RSI(14) BETWEEN 0 AND 100 ORDER BY RSI(14) DESC LIMIT 5");

        assertThat(issueExample.status()).as(issueExample.body()).isEqualTo(200);
        JsonNode example = issueExample.json().get("results").get(0);
        assertThat(example.get("columns"))
                .extracting(c -> c.get("name").asString())
                .containsExactly("symbol", "RSI(14)", "VOLUME", "AVG_VOLUME(30D)", "PRICE_CHANGE(1D)");
        for (JsonNode row : example.get("rows")) {
            assertThat(row.get(1).asDouble()).isLessThan(30);
            assertThat(row.get(2).asDouble()).isGreaterThan(row.get(3).asDouble() * 2);
            assertThat(row.get(4).asDouble()).as("5% is 0.05").isGreaterThan(0.05);
        }
        assertThat(top.status()).as(top.body()).isEqualTo(200);
        JsonNode rows = top.json().get("results").get(0).get("rows");
        assertThat(rows).hasSize(5);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get(1).asDouble())
                    .isLessThanOrEqualTo(rows.get(i - 1).get(1).asDouble());
        }
        assertThat(http.query("SCAN universe:nowhere").json().get("type").asString())
                .isEqualTo("urn:sextant:problem:query-invalid");
    }

    @Test
    void test_trendAndSignalStates_followTheirDefinitions() {
        HttpTestClient.Answer bullish = http.query("SCAN universe:demo WHERE TREND IS BULLISH");
        HttpTestClient.Answer notBullish = http.query("SCAN universe:demo WHERE TREND IS BEARISH OR TREND IS NEUTRAL");
        HttpTestClient.Answer holds = http.query("SCAN universe:demo WHERE SIGNAL IS HOLD LIMIT 1000");

        assertThat(bullish.status()).as(bullish.body()).isEqualTo(200);
        JsonNode rows = bullish.json().get("results").get(0).get("rows");
        for (JsonNode row : rows) {
            assertThat(row.get(1).asDouble()).isGreaterThan(row.get(2).asDouble());
            assertThat(row.get(2).asDouble()).isGreaterThan(row.get(3).asDouble());
        }
        int others = notBullish.json().get("results").get(0).get("rows").size();
        assertThat(rows.size() + others).isEqualTo(38);
        for (JsonNode row : holds.json().get("results").get(0).get("rows")) {
            double rsi = row.get(1).asDouble();
            double histogram = row.get(2).asDouble();
            assertThat((rsi < 30 && histogram > 0) || (rsi > 70 && histogram < 0))
                    .isFalse();
        }
    }

    @Test
    void test_correlateAndRegress() {
        HttpTestClient.Answer answer = http.query(
                "CORRELATE AAPL, MSFT, SPY OVER 1y; CORRELATE TSLA WITH BTC-USD, SPY WINDOW 90d; REGRESS AAPL ON SPY, QQQ OVER 2y");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode matrix = answer.json().get("results").get(0);
        assertThat(matrix.get("columns"))
                .extracting(c -> c.get("name").asString())
                .containsExactly("symbol", "AAPL", "MSFT", "SPY");
        assertThat(matrix.get("rows").get(0).get(1).asDouble()).isEqualTo(1.0);
        assertThat(matrix.get("rows").get(0).get(2).asDouble())
                .isEqualTo(matrix.get("rows").get(1).get(1).asDouble());
        JsonNode with = answer.json().get("results").get(1);
        assertThat(with.get("rows")).hasSize(1);
        assertThat(with.get("rows").get(0).get(1).asDouble()).isBetween(-1.0, 1.0);
        JsonNode regression = answer.json().get("results").get(2);
        assertThat(regression.get("rows"))
                .extracting(r -> r.get(0).asString())
                .containsExactly("INTERCEPT", "SPY", "QQQ");
        assertThat(regression.get("rows").get(1).get(4).asDouble()).isBetween(0.0, 1.0);
        assertThat(regression.get("rows").get(1).get(5).asInt()).isGreaterThan(400);
    }

    @Test
    void test_macro_latestValuesAndRegressionOnTheDemoSeries() {
        HttpTestClient.Answer answer =
                http.query("MACRO: US10Y, CPI, VIX; MACRO: US10Y, CPI, VIX -> REGRESSION ON SPY");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode latest = answer.json().get("results").get(0);
        assertThat(latest.get("rows")).extracting(r -> r.get(0).asString()).containsExactly("US10Y", "CPI", "VIX");
        JsonNode bars = http.get("/api/v1/bars/VIX?from=2025-05-01&to=2025-06-11")
                .json()
                .get("bars");
        JsonNode lastBar = bars.get(bars.size() - 1);
        assertThat(latest.get("rows").get(2).get(1).asDouble())
                .isEqualTo(lastBar.get("close").asDouble());
        assertThat(latest.get("rows").get(2).get(2).asString())
                .isEqualTo(lastBar.get("time").asString().substring(0, 10));
        JsonNode regression = answer.json().get("results").get(1);
        assertThat(regression.get("rows"))
                .extracting(r -> r.get(0).asString())
                .containsExactly("INTERCEPT", "US10Y", "CPI", "VIX");
        assertThat(regression.get("rows").get(0).get(5).asInt())
                .as("five years of monthly changes")
                .isEqualTo(60);
        assertThat(regression.get("rows").get(3).get(1).asDouble())
                .as("the demo VIX moves against the market")
                .isNegative();
    }

    @Test
    void test_mistakes_comeBackWithWhereAndWhat() {
        HttpTestClient.Answer syntax = http.query("EVALUATE AAPL:\n  RSX(14)");
        HttpTestClient.Answer arguments = http.query("EVALUATE AAPL: CORRELATE(1y)");
        HttpTestClient.Answer unknown = http.query("EVALUATE ZZZZ: PRICE");

        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-syntax");
        assertThat(syntax.json().get("line").asInt()).isEqualTo(2);
        assertThat(syntax.json().get("column").asInt()).isEqualTo(3);
        assertThat(syntax.json().get("detail").asString()).contains("did you mean RSI?");
        assertThat(arguments.status()).isEqualTo(400);
        assertThat(arguments.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-invalid");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:sextant:problem:unknown-symbol");
        assertThat(anonymous
                        .postJson("/api/v1/query", "{\"query\":\"EVALUATE AAPL: PRICE\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void test_deepNestingAndLongOperatorChains_are400WithLineAndColumn_notAStackOverflow() {
        String where = "SCAN universe:demo WHERE ";
        String nested = where + "(".repeat(2_000) + "RSI(14) < 30" + ")".repeat(2_000);
        // As many terms as the default 10,000-character limit holds.
        String comparison = where + "RSI(14) < 1";
        String chain = comparison + "+1".repeat(4_900);
        // The error points at the token that goes one level past the default 100: the 101st
        // parenthesis, or the 101st '+' (each '+' is one level over the last).
        Map<String, Integer> tooDeepAt = Map.of(
                nested, where.length() + 101,
                chain, comparison.length() + 2 * 100 + 1);
        for (String text : new String[] {nested, chain}) {
            HttpTestClient.Answer refused = http.query(text);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-syntax");
            assertThat(refused.json().get("line").asInt()).isEqualTo(1);
            assertThat(refused.json().get("column").asInt()).isEqualTo(tooDeepAt.get(text));
            assertThat(refused.body()).hasSizeLessThan(2_000).doesNotContain("StackOverflow");
        }
    }
}
