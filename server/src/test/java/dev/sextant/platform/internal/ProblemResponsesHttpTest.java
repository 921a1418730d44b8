package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad request, over real HTTP: each gets {@code application/problem+json} with a
 * stable type, its status, a message, the request id, and nothing internal; and none changes
 * anything.
 */
class ProblemResponsesHttpTest extends ServerHttpTest {

    private static final int ONE_MIB = 1024 * 1024;

    /** A bad request, built with the signed-in client when the test runs. */
    /** The published title of each problem type these requests meet; a client may show it as it is. */
    private static final Map<String, String> TITLES = Map.of(
            "not-found", "Not found",
            "method-not-allowed", "Method not allowed",
            "unsupported-media-type", "Unsupported media type",
            "malformed-body", "Malformed request body",
            "invalid-parameter", "Invalid parameter",
            "payload-too-large", "Request body too large",
            "not-acceptable", "Not acceptable",
            "unknown-symbol", "Unknown symbol",
            "invalid-range", "Invalid date range",
            "too-many-bars", "Too many bars requested");

    record BadRequest(
            String name,
            Function<HttpTestClient, HttpRequest.Builder> request,
            int status,
            String type,
            String detailPart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String jsonOfSize(int bytes) {
        String prefix = "{\"symbols\":[\"";
        String suffix = "\"]}";
        return prefix + "A".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    static Stream<BadRequest> badRequests() {
        String tooMany = IntStream.range(0, 101)
                .mapToObj(i -> "\"S" + i + "\"")
                .collect(Collectors.joining(",", "{\"symbols\":[", "]}"));
        return Stream.of(
                new BadRequest("unknown route", h -> h.request("/api/v1/nope").GET(), 404, "not-found", "no endpoint"),
                new BadRequest(
                        "unknown root path", h -> h.request("/wp-admin.php").GET(), 404, "not-found", "no endpoint"),
                new BadRequest(
                        "wrong method",
                        h -> h.request("/api/v1/quotes/AAPL").DELETE(),
                        405,
                        "method-not-allowed",
                        "DELETE"),
                new BadRequest(
                        "wrong content type",
                        h -> h.request("/api/v1/quotes")
                                .header("Content-Type", "text/plain")
                                .POST(body("AAPL")),
                        415,
                        "unsupported-media-type",
                        "text/plain"),
                new BadRequest(
                        "no content type",
                        h -> h.request("/api/v1/quotes").POST(body("{}")),
                        415,
                        "unsupported-media-type",
                        "application/json"),
                new BadRequest(
                        "malformed JSON",
                        h -> json(h, "{\"symbols\": [\"AAPL\""),
                        400,
                        "malformed-body",
                        "not valid JSON"),
                new BadRequest("empty body", h -> json(h, ""), 400, "malformed-body", "missing"),
                new BadRequest("wrong JSON type", h -> json(h, "{\"symbols\": 42}"), 400, "malformed-body", "symbols"),
                new BadRequest("missing field", h -> json(h, "{}"), 400, "invalid-parameter", "symbols"),
                new BadRequest(
                        "empty symbol list",
                        h -> json(h, "{\"symbols\": []}"),
                        400,
                        "invalid-parameter",
                        "at least one"),
                new BadRequest("101 symbols", h -> json(h, tooMany), 400, "invalid-parameter", "At most 100"),
                new BadRequest(
                        "SQL in a symbol",
                        h -> json(h, "{\"symbols\": [\"A'; DROP TABLE instrument;--\"]}"),
                        400,
                        "invalid-parameter",
                        "not a symbol"),
                new BadRequest(
                        "oversized body",
                        h -> json(h, jsonOfSize(ONE_MIB + 1)),
                        413,
                        "payload-too-large",
                        "1048576 bytes"),
                new BadRequest(
                        "oversized chunked body",
                        h -> h.request("/api/v1/quotes")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                        jsonOfSize(2 * ONE_MIB).getBytes(StandardCharsets.UTF_8)))),
                        413,
                        "payload-too-large",
                        "1048576 bytes"),
                new BadRequest(
                        "not acceptable",
                        h -> h.request("/api/v1/quotes/AAPL")
                                .header("Accept", "text/csv")
                                .GET(),
                        406,
                        "not-acceptable",
                        "application/json"),
                new BadRequest(
                        "symbol with a space",
                        h -> h.request("/api/v1/quotes/AA%20PL").GET(),
                        400,
                        "invalid-parameter",
                        "not a symbol"),
                new BadRequest(
                        "overlong symbol",
                        h -> h.request("/api/v1/quotes/" + "X".repeat(33)).GET(),
                        400,
                        "invalid-parameter",
                        "not a symbol"),
                new BadRequest(
                        "unknown symbol", h -> h.request("/api/v1/quotes/ZZZZ").GET(), 404, "unknown-symbol", "ZZZZ"),
                new BadRequest(
                        "unknown symbol in batch",
                        h -> h.request("/api/v1/quotes?symbols=AAPL,ZZZZ,QQQQ").GET(),
                        404,
                        "unknown-symbol",
                        "ZZZZ, QQQQ"),
                new BadRequest(
                        "missing batch parameter",
                        h -> h.request("/api/v1/quotes").GET(),
                        400,
                        "invalid-parameter",
                        "'symbols' is required"),
                new BadRequest(
                        "unsupported interval",
                        h -> h.request("/api/v1/bars/AAPL?interval=2h").GET(),
                        400,
                        "invalid-parameter",
                        "1m, 5m"),
                new BadRequest(
                        "impossible date",
                        h -> h.request("/api/v1/bars/AAPL?from=2024-02-30").GET(),
                        400,
                        "invalid-parameter",
                        "'from' must be a date"),
                new BadRequest(
                        "not a date",
                        h -> h.request("/api/v1/bars/AAPL?to=yesterday").GET(),
                        400,
                        "invalid-parameter",
                        "'to' must be a date"),
                new BadRequest(
                        "reversed range",
                        h -> h.request("/api/v1/bars/AAPL?from=2024-02-01&to=2024-01-01")
                                .GET(),
                        400,
                        "invalid-range",
                        "after"),
                new BadRequest(
                        "too many bars",
                        h -> h.request("/api/v1/bars/AAPL?interval=1m&from=2015-01-01&to=2024-01-01")
                                .GET(),
                        400,
                        "too-many-bars",
                        "limit is 50000"),
                new BadRequest(
                        "error page asked directly", h -> h.request("/error").GET(), 404, "not-found", "Not found"));
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static HttpRequest.Builder json(HttpTestClient h, String json) {
        return h.request("/api/v1/quotes")
                .header("Content-Type", "application/json")
                .POST(body(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void test_badRequest_getsProblemJsonAndChangesNothing(BadRequest bad) {
        String catalogBefore = http.get("/api/v1/instruments").body();

        Answer answer = http.send(bad.request()
                .apply(http)
                .header("X-Request-Id", "bad-" + bad.name().hashCode())
                .build());

        assertThat(answer.status()).isEqualTo(bad.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:sextant:problem:" + bad.type());
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("title").asString()).isEqualTo(TITLES.get(bad.type()));
        assertThat(problem.get("detail").asString()).containsIgnoringCase(bad.detailPart());
        assertThat(problem.get("requestId").asString())
                .isEqualTo("bad-" + bad.name().hashCode());
        assertThat(answer.body())
                .doesNotContain("Exception", "\tat ", "dev.sextant.", "org.springframework", "jdbc:", "trace");
        assertThat(http.get("/api/v1/instruments").body()).isEqualTo(catalogBefore);
    }

    @Test
    void test_anonymousRequests_toAnythingButOpenPaths_get401() {
        for (String path : List.of("/api/v1/quotes/AAPL", "/api/v1/nope", "/wp-admin.php")) {
            Answer answer = anonymous.get(path);

            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:unauthenticated");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void test_bodyJustUnderTheLimit_isRead() {
        Answer answer = http.postJson("/api/v1/quotes", jsonOfSize(ONE_MIB - 16));

        // Read in full and judged on its content: one 1 MiB symbol is not a symbol.
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-parameter");
    }

    @Test
    void test_methodNotAllowed_namesTheAllowedMethods() {
        Answer answer = http.send(http.request("/api/v1/bars/AAPL").DELETE().build());

        assertThat(answer.header("Allow")).isEqualTo("GET");
    }

    @Test
    void test_requestId_isGeneratedWhenMissingOrUnsafe() {
        Answer generated = http.get("/api/v1/nope");
        Answer unsafe = http.send(http.request("/api/v1/nope")
                .header("X-Request-Id", "x".repeat(65))
                .GET()
                .build());
        Answer injected = http.send(http.request("/api/v1/nope")
                .header("X-Request-Id", "a\"b<script>")
                .GET()
                .build());

        for (Answer answer : List.of(generated, unsafe, injected)) {
            String id = answer.json().get("requestId").asString();
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(answer.header("X-Request-Id")).isEqualTo(id);
        }
        assertThat(Collections.frequency(
                        Arrays.asList(generated.header("X-Request-Id"), unsafe.header("X-Request-Id")),
                        generated.header("X-Request-Id")))
                .isEqualTo(1);
    }

    @Test
    void test_successfulAnswer_carriesTheRequestIdHeader() {
        Answer answer = http.send(http.request("/api/v1/quotes/AAPL")
                .header("X-Request-Id", "trace-me-42")
                .GET()
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Request-Id")).isEqualTo("trace-me-42");
    }
}
