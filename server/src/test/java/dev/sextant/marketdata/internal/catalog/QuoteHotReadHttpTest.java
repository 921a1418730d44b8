package dev.sextant.marketdata.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quotes are answered on the hot read path, ahead of Spring Security's filter chain and Spring MVC.
 * Whatever a caller sends, the answer must be the one the full stack gives: same status, body and
 * headers, same refusals. A query parameter the endpoints ignore ({@code via=stack}) makes the hot
 * path step aside, which gives the full stack's answer to compare with.
 */
class QuoteHotReadHttpTest extends ServerHttpTest {

    /** Headers that differ between any two answers, and the framing (length or chunks) of the body. */
    private static final Set<String> PER_ANSWER = Set.of(
            "date", "x-request-id", "ratelimit-remaining", "ratelimit-reset", "content-length", "transfer-encoding");

    private static Map<String, List<String>> lasting(Answer answer) {
        Map<String, List<String>> headers = new TreeMap<>();
        answer.raw().headers().map().forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return headers;
    }

    private static void assertSameAnswer(Answer hot, Answer stack) {
        assertThat(hot.status()).as(hot.body()).isEqualTo(stack.status());
        assertThat(lasting(hot)).isEqualTo(lasting(stack));
        assertThat(withoutRequestId(hot)).isEqualTo(withoutRequestId(stack));
    }

    private static Object withoutRequestId(Answer answer) {
        if (!answer.contentType().contains("json")) {
            return answer.body();
        }
        JsonNode body = answer.json();
        if (body instanceof ObjectNode problem) {
            problem.remove("requestId");
        }
        return body;
    }

    private static String viaStack(String path) {
        return path + (path.contains("?") ? "&" : "?") + "via=stack";
    }

    @Test
    void test_quotes_areTheFullStacksAnswer() {
        for (String path : List.of(
                "/api/v1/quotes/AAPL",
                "/api/v1/quotes/aapl",
                "/api/v1/quotes/%5EGSPC",
                "/api/v1/quotes/BTC-USD",
                "/api/v1/quotes/NOSUCH",
                "/api/v1/quotes/" + "X".repeat(33),
                // Paths the request firewall or the router refuses must still meet them.
                "/api/v1/quotes/AAPL/",
                "/api/v1/quotes/AAPL;jsessionid=1",
                "/api/v1/quotes/A%2FB",
                "/api/v1/quotes/%2E%2E",
                "/api/v1/quotes/AA%20PL",
                "/api/v1/quotes/AAPL%00")) {
            assertSameAnswer(http.get(path), http.get(viaStack(path)));
        }
    }

    @Test
    void test_quoteBatches_areTheFullStacksAnswer() {
        String tooMany = String.join(",", Collections.nCopies(101, "AAPL"));
        for (String symbols : List.of("AAPL,MSFT,%5EGSPC", "AAPL", "AAPL,,MSFT", "", "AAPL,NOSUCH", tooMany)) {
            String path = "/api/v1/quotes?symbols=" + symbols;
            Answer hot = http.get(path);
            Answer stack = http.get(viaStack(path));
            assertSameAnswer(hot, stack);
        }
        Answer hot = http.get("/api/v1/quotes?symbols=AAPL,MSFT");
        assertThat(hot.status()).isEqualTo(200);
        assertThat(hot.json().get("quotes")).hasSize(2);
        assertThat(hot.json().get("quotes").get(1).get("symbol").asString()).isEqualTo("MSFT");
    }

    @Test
    void test_contentNegotiation_isTheFullStacks() {
        for (String accept : List.of(
                "application/json",
                "*/*",
                "application/*",
                "text/html, application/json;q=0.5",
                "application/xml",
                "application/json;q=0",
                "text/csv",
                "garbage//")) {
            HttpTestClient asking = http.withHeader("Accept", accept);
            assertSameAnswer(asking.get("/api/v1/quotes/AAPL"), asking.get(viaStack("/api/v1/quotes/AAPL")));
        }
    }

    @Test
    void test_callersWithoutTheRight_areRefusedAsBefore() {
        String mustChange = unique("must-change");
        accounts.createAccount(mustChange, null, PASSWORD, Set.of(Role.USER), true);
        HttpTestClient changing = anonymous.withBearer(
                anonymous.login(mustChange, PASSWORD).get("accessToken").asString());
        String tradingOnlyKey = http.postJson("/api/v1/me/api-keys", "{\"name\":\"bot\",\"scopes\":[\"trading\"]}")
                .json()
                .get("key")
                .asString();
        String readKey = http.postJson("/api/v1/me/api-keys", "{\"name\":\"bot\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();

        Answer passwordFirst = changing.get("/api/v1/quotes/AAPL");
        Answer wrongScope = anonymous.withHeader("X-API-Key", tradingOnlyKey).get("/api/v1/quotes/AAPL");
        Answer rightScope = anonymous.withHeader("X-API-Key", readKey).get("/api/v1/quotes/AAPL");
        Answer both = http.withHeader("X-API-Key", readKey).get("/api/v1/quotes/AAPL");
        Answer nobody = anonymous.get("/api/v1/quotes/AAPL");
        Answer crossOrigin = http.withHeader("Origin", "https://evil.example").get("/api/v1/quotes/AAPL");

        assertThat(passwordFirst.status()).isEqualTo(403);
        assertThat(passwordFirst.json().get("type").asString()).endsWith("password-change-required");
        assertThat(wrongScope.status()).isEqualTo(403);
        assertThat(wrongScope.json().get("type").asString()).isEqualTo("urn:sextant:problem:insufficient-scope");
        assertThat(rightScope.status()).isEqualTo(200);
        assertThat(rightScope.json().get("symbol").asString()).isEqualTo("AAPL");
        assertThat(both.status()).isEqualTo(401);
        assertThat(both.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-token");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.json().get("type").asString()).isEqualTo("urn:sextant:problem:unauthenticated");
        assertThat(crossOrigin.status()).isEqualTo(403);
        assertThat(crossOrigin.json().get("type").asString()).isEqualTo("urn:sextant:problem:cors-refused");
        assertThat(crossOrigin.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void test_hotAnswers_areCountedInTheHttpMetrics() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/quotes/MSFT").status()).isEqualTo(200);
        }

        String metrics =
                signedInAs(unique("metrics-admin"), Role.ADMIN).get("/metrics").body();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/quotes/\\{symbol}\"[^}]*}");
    }
}
