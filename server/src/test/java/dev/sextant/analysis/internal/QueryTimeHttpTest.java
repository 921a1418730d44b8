package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** FK-DSL's AS OF and FROM ... TO over HTTP, and an import whose data ends in 2013. */
class QueryTimeHttpTest extends ServerHttpTest {

    private static final String BOUNDARY = "----sextant-time-boundary";

    private static JsonNode ok(HttpTestClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Imports weekday bars of 2012 and the first half of 2013 under a new symbol; answers it. */
    private String importEndingIn2013() {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        double close = 20;
        for (LocalDate day = LocalDate.of(2012, 1, 2); !day.isAfter(LocalDate.of(2013, 6, 28)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double open = close;
            close = close * (1 + 0.01 * Math.sin(day.toEpochDay()));
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%.4f,%.4f,%.4f,%.4f,%d%n",
                    day,
                    open,
                    Math.max(open, close) * 1.01,
                    Math.min(open, close) * 0.99,
                    close,
                    10_000));
        }
        String symbol = "OLD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        HttpTestClient analyst = signedInAs(unique("time-importer"), Role.ANALYST);
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n" + symbol
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"old.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        HttpTestClient.Answer imported = analyst.send(analyst.request("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        return symbol;
    }

    @Test
    void test_dataEndingInThePast_isEvaluatedAtItsLastBar_withANoteSayingSo() {
        String old = importEndingIn2013();
        JsonNode bars = ok(http.get("/api/v1/bars/" + old + "?from=2013-04-01&to=2013-06-30"))
                .get("bars");
        double lastClose = bars.get(bars.size() - 1).get("close").asDouble();

        JsonNode table = ok(http.query("EVALUATE " + old + ": PRICE, RSI(14), CHANGE(1m)"))
                .get("results")
                .get(0);
        JsonNode asOf = ok(http.query("EVALUATE " + old + ": PRICE AS OF 2013-03-28"))
                .get("results")
                .get(0);

        JsonNode row = table.get("rows").get(0);
        assertThat(row.get(1).asDouble()).isEqualTo(lastClose);
        JsonNode rsi = ok(http.get("/api/v1/indicators/" + old + "?name=RSI&period=14&to=2013-06-28"))
                .get("points");
        assertThat(row.get(2).asDouble())
                .as("RSI(14) at the last bar, as the indicator endpoint has it")
                .isEqualTo(rsi.get(rsi.size() - 1).get("value").asDouble());
        assertThat(row.get(3).asDouble())
                .as("CHANGE(1m): over 21 sessions, a twelfth of 252")
                .isCloseTo(
                        lastClose / bars.get(bars.size() - 22).get("close").asDouble() - 1,
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat(table.get("asOf").asString()).isEqualTo("2025-06-11");
        JsonNode note = table.get("notes").get(0);
        assertThat(note.get("symbol").asString()).isEqualTo(old);
        assertThat(note.get("asOf").asString()).isEqualTo("2013-06-28");
        assertThat(note.get("note").asString()).contains("evaluated at its last bar (2013-06-28)");
        JsonNode march = ok(http.get("/api/v1/bars/" + old + "?from=2013-03-01&to=2013-03-28"))
                .get("bars");
        assertThat(asOf.get("rows").get(0).get(1).asDouble())
                .isEqualTo(march.get(march.size() - 1).get("close").asDouble());
        assertThat(asOf.get("notes")).isEmpty();
    }

    @Test
    void test_asOf_onEvaluateAndScan_equalsTheIndicatorEndpointAtThatDate() {
        JsonNode points = ok(http.get("/api/v1/indicators/AAPL?name=RSI&period=14&to=2024-03-28"))
                .get("points");
        double rsi = points.get(points.size() - 1).get("value").asDouble();
        String threshold = new java.math.BigDecimal(rsi).toPlainString();

        JsonNode results = ok(http.query("EVALUATE AAPL: RSI(14) AS OF 2024-03-28; "
                        + "SCAN universe:demo WHERE RSI(14) = " + threshold + " AS OF 2024-03-28; "
                        + "EVALUATE AAPL: RSI(14)"))
                .get("results");

        assertThat(results.get(0).get("rows").get(0).get(1).asDouble()).isEqualTo(rsi);
        assertThat(results.get(0).get("asOf").asString()).isEqualTo("2024-03-28");
        assertThat(results.get(1).get("rows"))
                .extracting(r -> r.get(0).asString())
                .contains("AAPL");
        assertThat(results.get(2).get("rows").get(0).get(1).asDouble())
                .as("today's RSI differs")
                .isNotEqualTo(rsi);
    }

    @Test
    void test_fromTo_givesThePeriodsChange_asTheBarsSay() {
        JsonNode bars =
                ok(http.get("/api/v1/bars/AAPL?from=2023-12-20&to=2024-06-30")).get("bars");
        double base = 0;
        double last = 0;
        for (JsonNode bar : bars) {
            String day = bar.get("time").asString().substring(0, 10);
            if (day.compareTo("2024-01-01") < 0) {
                base = bar.get("close").asDouble();
            }
            last = bar.get("close").asDouble();
        }

        JsonNode table = ok(http.query("COMPARE AAPL vs MSFT ON CHANGE, MAX_DRAWDOWN FROM 2024-01-01 TO 2024-06-30"))
                .get("results")
                .get(0);

        assertThat(table.get("rows").get(0).get(1).asDouble())
                .isCloseTo(last / base - 1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(table.get("from").asString()).isEqualTo("2024-01-01");
        assertThat(table.get("asOf").asString()).isEqualTo("2024-06-30");
    }

    @Test
    void test_badDates_futureAsOf_andFromAfterTo_are400WithLineAndColumn() {
        HttpTestClient.Answer bad = http.query("EVALUATE AAPL: PRICE AS OF 2024-02-30");
        HttpTestClient.Answer future = http.query("EVALUATE AAPL:\n  PRICE AS OF 2025-06-12");
        HttpTestClient.Answer reversed =
                http.query("SCAN universe:demo WHERE CHANGE > 0 FROM 2024-06-30 TO 2024-01-01");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-syntax");
        assertThat(bad.json().get("column").asInt()).isEqualTo(28);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-invalid");
        assertThat(future.json().get("line").asInt()).isEqualTo(2);
        assertThat(future.json().get("column").asInt()).isEqualTo(15);
        assertThat(future.json().get("detail").asString()).contains("in the future; today is 2025-06-11");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("line").asInt()).isEqualTo(1);
        assertThat(reversed.json().get("column").asInt()).isEqualTo(42);
        assertThat(reversed.json().get("detail").asString()).contains("FROM 2024-06-30 is after TO 2024-01-01");
    }
}
