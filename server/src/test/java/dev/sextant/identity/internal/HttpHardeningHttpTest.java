package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security headers on every answer, and no cross-origin access unless configured. */
class HttpHardeningHttpTest extends ServerHttpTest {

    @Test
    void test_everyAnswer_carriesTheSecurityHeaders() {
        // /health twice: the second answer comes from the health snapshot, not through the filter chain.
        for (Answer answer : List.of(
                http.get("/api/v1/quotes/AAPL"),
                anonymous.get("/api/v1/quotes/AAPL"),
                anonymous.get("/health"),
                anonymous.get("/health"),
                http.get("/api/v1/nope"))) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy"))
                    .contains("frame-ancestors 'none'")
                    .contains("default-src 'self'");
            assertThat(answer.header("Set-Cookie"))
                    .as("no cookies, so no CSRF surface")
                    .isNull();
            assertThat(answer.header("Strict-Transport-Security"))
                    .as("only over TLS")
                    .isNull();
        }
    }

    @Test
    void test_crossOriginRequests_getNoCorsGrantByDefault() {
        Answer preflight = anonymous.send(anonymous
                .request("/api/v1/quotes/AAPL")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .build());
        Answer simple = http.send(http.request("/api/v1/quotes/AAPL")
                .header("Origin", "https://evil.example")
                .GET()
                .build());

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(simple.status()).isEqualTo(403);
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }
}
