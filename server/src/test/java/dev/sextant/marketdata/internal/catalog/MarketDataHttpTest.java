package dev.sextant.marketdata.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The market-data API contract over real HTTP, on the demo market with the clock fixed at
 * {@link FixedClockConfiguration#NOW} (Wednesday 2025-06-11, 11:00 New York, 90 minutes into the session).
 */
class MarketDataHttpTest extends ServerHttpTest {

    private JsonNode ok(String path) {
        Answer answer = http.get(path);
        assertThat(answer.status()).as(path + " -> " + answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    private static List<JsonNode> bars(JsonNode response) {
        List<JsonNode> bars = new ArrayList<>();
        response.get("bars").forEach(bars::add);
        return bars;
    }

    @Test
    void test_quote_followsTheContractAndIsFlaggedDemo() {
        JsonNode quote = ok("/api/v1/quotes/aapl");

        assertThat(quote.propertyNames())
                .containsExactly(
                        "symbol",
                        "price",
                        "change",
                        "changePercent",
                        "currency",
                        "time",
                        "provider",
                        "demo",
                        "fetchedAt",
                        "stale");
        assertThat(quote.get("fetchedAt").asString()).isEqualTo(FixedClockConfiguration.NOW.toString());
        assertThat(quote.get("stale").asBoolean()).isFalse();
        assertThat(quote.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(quote.get("price").isNumber()).isTrue();
        assertThat(quote.get("change").isNumber()).isTrue();
        assertThat(quote.get("changePercent").isNumber()).isTrue();
        assertThat(quote.get("currency").asString()).isEqualTo("USD");
        assertThat(quote.get("provider").asString()).isEqualTo("demo");
        assertThat(quote.get("demo").asBoolean()).isTrue();
        assertThat(quote.get("time").asString()).isEqualTo("2025-06-11T15:00:00Z");
    }

    @Test
    void test_quote_isTheLastFinishedMinuteAgainstYesterdaysClose() {
        JsonNode quote = ok("/api/v1/quotes/AAPL");
        List<JsonNode> minutes = bars(ok("/api/v1/bars/AAPL?interval=1m&from=2025-06-11&to=2025-06-11"));
        List<JsonNode> days = bars(ok("/api/v1/bars/AAPL?interval=1d&from=2025-06-10&to=2025-06-11"));

        assertThat(minutes).hasSize(90);
        JsonNode lastMinute = minutes.getLast();
        assertThat(lastMinute.get("time").asString()).isEqualTo("2025-06-11T14:59:00Z");
        assertThat(quote.get("price").asDouble())
                .isEqualTo(lastMinute.get("close").asDouble());
        assertThat(days)
                .as("today's session has not closed, so its daily bar is not served yet")
                .hasSize(1);
        double previousClose = days.getFirst().get("close").asDouble();
        assertThat(quote.get("change").asDouble())
                .isCloseTo(quote.get("price").asDouble() - previousClose, within(0.005));
        assertThat(quote.get("changePercent").asDouble())
                .isCloseTo((quote.get("price").asDouble() / previousClose - 1) * 100, within(0.0001));
    }

    @Test
    void test_quote_ofClosedMarketIsTheLastClose() {
        JsonNode etf = ok("/api/v1/quotes/SPY");
        JsonNode crypto = ok("/api/v1/quotes/BTC-USD");

        // SPY trades now; crypto never closes; both answer with the current minute.
        assertThat(etf.get("time").asString()).isEqualTo("2025-06-11T15:00:00Z");
        assertThat(crypto.get("time").asString()).isEqualTo("2025-06-11T15:00:00Z");
    }

    @Test
    void test_bars_followTheContract() {
        JsonNode response = ok("/api/v1/bars/MSFT?interval=1d&from=2024-01-01&to=2024-01-31");

        assertThat(response.propertyNames())
                .containsExactly("symbol", "interval", "provider", "demo", "asOf", "fetchedAt", "stale", "bars");
        assertThat(response.get("asOf").asString()).isEqualTo("2024-01-31T00:00:00Z");
        assertThat(response.get("stale").asBoolean()).isFalse();
        assertThat(response.get("symbol").asString()).isEqualTo("MSFT");
        assertThat(response.get("interval").asString()).isEqualTo("1d");
        assertThat(response.get("demo").asBoolean()).isTrue();
        List<JsonNode> bars = bars(response);
        // January 2024: 23 weekdays, less New Year's Day and Martin Luther King Day (15 January).
        assertThat(bars).hasSize(21);
        assertThat(bars.getFirst().get("time").asString()).isEqualTo("2024-01-02T00:00:00Z");
        assertThat(bars).extracting(b -> b.get("time").asString()).doesNotContain("2024-01-15T00:00:00Z");
        assertThat(bars.getLast().get("time").asString()).isEqualTo("2024-01-31T00:00:00Z");
        Instant previous = Instant.MIN;
        for (JsonNode bar : bars) {
            assertThat(bar.propertyNames()).containsExactly("time", "open", "high", "low", "close", "volume");
            Instant time = Instant.parse(bar.get("time").asString());
            assertThat(time).isAfter(previous);
            previous = time;
            for (String field : List.of("open", "high", "low", "close", "volume")) {
                assertThat(bar.get(field).isNumber()).as(field).isTrue();
            }
            assertThat(bar.get("volume").isIntegralNumber()).isTrue();
            double open = bar.get("open").asDouble();
            double close = bar.get("close").asDouble();
            assertThat(bar.get("high").asDouble()).isGreaterThanOrEqualTo(Math.max(open, close));
            assertThat(bar.get("low").asDouble())
                    .isLessThanOrEqualTo(Math.min(open, close))
                    .isPositive();
        }
    }

    @Test
    void test_bars_areDeterministic() {
        String first = http.get("/api/v1/bars/NVDA?interval=1d&from=2020-01-01&to=2020-12-31")
                .body();
        String second = http.get("/api/v1/bars/nvda?interval=1d&from=2020-01-01&to=2020-12-31")
                .body();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void test_intradayBars_aggregateToTheDailyBar() {
        List<JsonNode> minutes = bars(ok("/api/v1/bars/TSLA?interval=1m&from=2025-06-09&to=2025-06-09"));
        List<JsonNode> hours = bars(ok("/api/v1/bars/TSLA?interval=1h&from=2025-06-09&to=2025-06-09"));
        JsonNode day = bars(ok("/api/v1/bars/TSLA?interval=1d&from=2025-06-09&to=2025-06-09"))
                .getFirst();

        assertThat(minutes).hasSize(390);
        assertThat(minutes.getFirst().get("time").asString()).isEqualTo("2025-06-09T13:30:00Z");
        // Hours count from the 09:30 open; the last one is the half hour to the 16:00 close.
        assertThat(hours).hasSize(7);
        assertThat(hours.get(1).get("time").asString()).isEqualTo("2025-06-09T14:30:00Z");
        for (List<JsonNode> parts : List.of(minutes, hours)) {
            assertThat(parts.getFirst().get("open").asDouble())
                    .isEqualTo(day.get("open").asDouble());
            assertThat(parts.getLast().get("close").asDouble())
                    .isEqualTo(day.get("close").asDouble());
            assertThat(parts.stream()
                            .mapToDouble(b -> b.get("high").asDouble())
                            .max()
                            .orElseThrow())
                    .isEqualTo(day.get("high").asDouble());
            assertThat(parts.stream()
                            .mapToDouble(b -> b.get("low").asDouble())
                            .min()
                            .orElseThrow())
                    .isEqualTo(day.get("low").asDouble());
            assertThat(parts.stream().mapToLong(b -> b.get("volume").asLong()).sum())
                    .isEqualTo(day.get("volume").asLong());
        }
    }

    @Test
    void test_weeklyBars_coverWholeWeeksOfDailyBars() {
        List<JsonNode> weeks = bars(ok("/api/v1/bars/KO?interval=1wk&from=2025-05-07&to=2025-05-30"));
        List<JsonNode> days = bars(ok("/api/v1/bars/KO?interval=1d&from=2025-05-05&to=2025-05-30"));

        assertThat(weeks)
                .extracting(w -> w.get("time").asString())
                .containsExactly(
                        "2025-05-05T00:00:00Z", "2025-05-12T00:00:00Z", "2025-05-19T00:00:00Z", "2025-05-26T00:00:00Z");
        assertThat(weeks.getFirst().get("open").asDouble())
                .isEqualTo(days.getFirst().get("open").asDouble());
        assertThat(weeks.getLast().get("close").asDouble())
                .isEqualTo(days.getLast().get("close").asDouble());
        assertThat(weeks.stream().mapToLong(w -> w.get("volume").asLong()).sum())
                .isEqualTo(
                        days.stream().mapToLong(d -> d.get("volume").asLong()).sum());
    }

    @Test
    void test_cryptoTradesEveryDayAroundTheClock() {
        List<JsonNode> days = bars(ok("/api/v1/bars/ETH-USD?interval=1d&from=2025-06-01&to=2025-06-07"));
        List<JsonNode> hours = bars(ok("/api/v1/bars/ETH-USD?interval=1h&from=2025-06-07&to=2025-06-07"));

        assertThat(days).hasSize(7);
        assertThat(hours).hasSize(24);
        assertThat(hours.getFirst().get("time").asString()).isEqualTo("2025-06-07T00:00:00Z");
    }

    @Test
    void test_barsOfTheFuture_areNotInvented() {
        List<JsonNode> future = bars(ok("/api/v1/bars/AAPL?interval=1d&from=2025-07-01&to=2030-01-01"));
        List<JsonNode> todayHours = bars(ok("/api/v1/bars/AAPL?interval=1h&from=2025-06-11&to=2025-06-20"));

        assertThat(future).isEmpty();
        // 09:30 to 10:30 has finished at 11:00; 10:30 to 11:30 has not.
        assertThat(todayHours).hasSize(1);
    }

    @Test
    void test_batchQuotes_keepTheOrderAskedBothWays() {
        JsonNode viaGet = ok("/api/v1/quotes?symbols=MSFT,aapl,BTC-USD");
        Answer viaPost = http.postJson("/api/v1/quotes", "{\"symbols\":[\"MSFT\",\"aapl\",\"BTC-USD\"]}");

        assertThat(viaGet.get("quotes"))
                .extracting(q -> q.get("symbol").asString())
                .containsExactly("MSFT", "AAPL", "BTC-USD");
        assertThat(viaPost.status()).isEqualTo(200);
        assertThat(viaPost.json()).isEqualTo(viaGet);
    }

    @Test
    void test_search_ranksExactSymbolThenPrefixThenName() {
        JsonNode results = ok("/api/v1/search?q=ap").get("results");
        JsonNode exact = ok("/api/v1/search?q=SPY").get("results");
        JsonNode byName = ok("/api/v1/search?q=coca-cola").get("results");

        assertThat(results.get(0).get("symbol").asString()).isEqualTo("AAPL");
        assertThat(results.get(0).propertyNames())
                .containsExactly("symbol", "name", "exchange", "assetClass", "providers");
        assertThat(results.get(0).get("providers").toString()).isEqualTo("[\"demo\"]");
        assertThat(exact.get(0).get("symbol").asString()).isEqualTo("SPY");
        assertThat(byName).extracting(r -> r.get("symbol").asString()).containsExactly("KO");
        assertThat(ok("/api/v1/search?q=zzzz").get("results")).isEmpty();
        assertThat(ok("/api/v1/search?q=a&limit=3").get("results")).hasSize(3);
        for (String[] bad : new String[][] {{"q=", "q"}, {"q=x&limit=0", "limit"}, {"q=" + "x".repeat(51), "q"}}) {
            Answer refused = http.get("/api/v1/search?" + bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.json().get("type").asString())
                    .as(bad[0])
                    .isEqualTo("urn:sextant:problem:invalid-parameter");
            assertThat(refused.json().get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(anonymous.get("/api/v1/search?q=ap").status()).isEqualTo(401);
    }

    @Test
    void test_instruments_listTheDemoMarket() {
        JsonNode instruments = ok("/api/v1/instruments").get("instruments");

        // Other tests on the shared server import files, so only the demo rows are pinned here.
        List<JsonNode> demo = new ArrayList<>();
        instruments.forEach(i -> {
            if (i.get("provider").asString().equals("demo")) demo.add(i);
        });
        assertThat(demo.size()).isGreaterThanOrEqualTo(30);
        assertThat(demo).allSatisfy(i -> assertThat(i.get("demo").asBoolean()).isTrue());
        assertThat(instruments)
                .allSatisfy(i -> assertThat(i.get("demo").asBoolean())
                        .isEqualTo(i.get("provider").asString().equals("demo")));
        assertThat(instruments)
                .extracting(i -> i.get("symbol").asString())
                .contains("AAPL", "SPY", "^GSPC", "BTC-USD")
                .isSorted();
    }
}
