package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With an allow-list, exactly the listed origins get CORS grants. */
class CorsAllowListTest {

    @Test
    void test_allowList_grantsOnlyTheListedOrigin() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=target/test-data/cors-" + UUID.randomUUID(),
                        "sextant.http.cors-allowed-origins=https://app.example.com")
                .run()) {
            HttpTestClient client = new HttpTestClient(((WebServerApplicationContext) context).getWebServer().getPort());

            Answer allowed = preflight(client, "https://app.example.com");
            Answer other = preflight(client, "https://evil.example");

            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
            assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    private static Answer preflight(HttpTestClient client, String origin) {
        return client.send(client.request("/api/v1/quotes/AAPL")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").build());
    }
}
