package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Health, metrics, logs and API documentation, as an operator and a new user meet them. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityHttpTest extends ServerHttpTest {

    @Test
    void test_health_reportsEachDependencyWithItsCheckTime() {
        Answer answer = http.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode health = answer.json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        for (String dependency : new String[] {"database", "cache"}) {
            JsonNode component = health.get("components").get(dependency);
            assertThat(component.get("status").asString()).as(dependency).isEqualTo("UP");
            JsonNode details = component.get("details");
            assertThat(Instant.parse(details.get("checkedAt").asString()))
                    .as("checked on the server's clock")
                    .isEqualTo(FixedClockConfiguration.NOW);
            assertThat(details.get("latencyMs").isNumber()).isTrue();
            double latency = details.get("latencyMs").asDouble();
            assertThat(latency)
                    .as("milliseconds to the hundredth")
                    .isNotNegative()
                    .isEqualTo(Math.round(latency * 100) / 100.0);
        }
        assertThat(health.get("components")
                        .get("database")
                        .get("details")
                        .get("type")
                        .asString())
                .isEqualTo("h2");
        assertThat(answer.body()).doesNotContain("jdbc:", "password", "target/test-data");
        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void test_health_isServedFromASnapshotWhilePolledHard() throws InterruptedException {
        String first = http.get("/health").body();
        String second = http.get("/health").body();
        // A symbol nobody asked for adds an entry to the market-data cache, so a fresh check
        // reports a different count (the clock is fixed: checkedAt alone would not change).
        assertThat(http.get("/api/v1/quotes/" + unique("NONE").toUpperCase()).status())
                .isEqualTo(404);
        Thread.sleep(HealthSnapshotFilter.MAX_AGE.toMillis() + 2_100);
        String later = http.get("/health").body();

        assertThat(second).as("polled again at once").isEqualTo(first);
        assertThat(later).as("re-rendered with fresh dependency checks").isNotEqualTo(first);
    }

    @Test
    void test_livenessAndReadiness_areSeparateProbes() {
        Answer liveness = http.get("/health/liveness");
        Answer readiness = http.get("/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").has("database")).isTrue();
        assertThat(liveness.json().get("components").has("database"))
                .as("a slow database must not get the process restarted")
                .isFalse();
    }

    @Test
    void test_metrics_areForAdministratorsOnly() {
        Answer nobody = anonymous.get("/metrics");
        Answer user = http.get("/metrics");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.json().get("type").asString()).isEqualTo("urn:sextant:problem:unauthenticated");
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.contentType()).startsWith("application/problem+json");
        assertThat(user.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(user.json().get("detail").asString()).isEqualTo("Your account is not allowed to do this.");
        assertThat(user.body()).as("no metric in a refusal").doesNotContain("jvm_");
    }

    @Test
    void test_metrics_needTheAdminScope_evenFromAnAdministratorsKey() {
        HttpTestClient admin = signedInAs(unique("metrics-keys"), Role.ADMIN);
        Answer readOnly = admin.postJson("/api/v1/me/api-keys", "{\"name\":\"r\",\"scopes\":[\"marketdata:read\"]}");
        Answer scraper = admin.postJson("/api/v1/me/api-keys", "{\"name\":\"s\",\"scopes\":[\"admin\"]}");
        assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(201);
        assertThat(scraper.status()).as(scraper.body()).isEqualTo(201);

        Answer withReadKey = anonymous
                .withHeader("X-API-Key", readOnly.json().get("key").asString())
                .get("/metrics");
        Answer withAdminKey = anonymous
                .withHeader("X-API-Key", scraper.json().get("key").asString())
                .get("/metrics");

        assertThat(withReadKey.status()).isEqualTo(403);
        assertThat(withReadKey.contentType()).startsWith("application/problem+json");
        assertThat(withReadKey.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(withAdminKey.status()).isEqualTo(200);
        assertThat(withAdminKey.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void test_metrics_arePrometheusTextWithLatencyHistograms_andSextantsOwn() {
        http.get("/api/v1/quotes/AAPL");
        HttpTestClient admin = signedInAs(unique("metrics-admin"), Role.ADMIN);

        Answer metrics = admin.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/v1/quotes/{symbol}\"")
                .contains("jvm_memory_used_bytes")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"instruments\"")
                .contains("sextant_quote_cache_hit_ratio");
    }

    @Test
    void test_logs_areJsonLinesCarryingTheRequestId(CapturedOutput output) {
        // Logging is JVM-wide: another test's application may have reset the level this test needs.
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("dev.sextant", LogLevel.DEBUG);

        Instant before = Instant.now();
        http.send(http.request("/api/v1/nope")
                .header("X-Request-Id", "log-line-check-7")
                .GET()
                .build());
        Instant after = Instant.now();

        String line = output.getAll()
                .lines()
                .filter(l -> l.contains("log-line-check-7"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line carries the request id"));
        JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
        assertThat(json.get("requestId").asString()).isEqualTo("log-line-check-7");
        // Logs are stamped with the wall clock, not the server's fixed one.
        assertThat(Instant.parse(json.get("@timestamp").asString())).isBetween(before, after);
        assertThat(json.get("log").get("level").asString()).isEqualTo("DEBUG");
        assertThat(json.get("message").asString()).isEqualTo("GET /api/v1/nope answered 404 not-found");
    }

    @Test
    void test_openApi_describesTheMarketDataEndpoints() {
        Answer answer = anonymous.get("/api/openapi.json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.json().get("paths");
        assertThat(paths.has("/api/v1/quotes/{symbol}")).isTrue();
        assertThat(paths.has("/api/v1/bars/{symbol}")).isTrue();
        assertThat(paths.has("/api/v1/quotes")).isTrue();
        assertThat(answer.json().get("info").get("title").asString()).isEqualTo("Sextant API");
        assertThat(paths.get("/api/v1/bars/{symbol}")
                        .get("get")
                        .get("responses")
                        .get("default")
                        .get("content")
                        .has("application/problem+json"))
                .isTrue();
    }

    @Test
    void test_openApi_neverTakesItsServerFromTheHostHeader_andShowsBothCredentials() throws Exception {
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /api/openapi.json HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(raw).startsWith("HTTP/1.1 200").doesNotContain("evil.example");

        JsonNode document = anonymous.get("/api/openapi.json").json();
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
        assertThat(document.get("components").get("securitySchemes").has("apiKey"))
                .isTrue();
        assertThat(document.get("tags").get(0).get("name").asString()).isEqualTo("Authentication");
        JsonNode login = document.get("paths").get("/api/v1/auth/login").get("post");
        assertThat(login.get("security"))
                .as("sign-in has no padlock")
                .isNotNull()
                .isEmpty();
        assertThat(document.get("paths").get("/api/v1/me").get("get").has("security"))
                .as("a signed-in operation keeps the document's padlock")
                .isFalse();
    }

    @Test
    void test_swaggerUi_rendersAndPointsAtTheOpenApiDocument() {
        // Anonymous, as a browser opening the docs for the first time is.
        HttpTestClient.Answer docs = anonymous.get("/api/docs");
        String location = docs.header("Location");
        Answer page = anonymous.get(location != null ? location.replaceFirst("^https?://[^/]+", "") : "/api/docs");
        Answer config = anonymous.get("/api/openapi.json/swagger-config");
        Answer script = anonymous.get(page.raw().uri().getPath().replace("index.html", "swagger-initializer.js"));

        assertThat(docs.status()).isIn(200, 302);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(config.body()).contains("/api/openapi.json");
        assertThat(script.status()).isEqualTo(200);
    }

    @Test
    void test_root_pointsANewUserToTheDocs() {
        JsonNode welcome = http.get("/").json();

        assertThat(welcome.get("docs").asString()).isEqualTo("/api/docs");
        assertThat(welcome.get("health").asString()).isEqualTo("/health");
    }
}
