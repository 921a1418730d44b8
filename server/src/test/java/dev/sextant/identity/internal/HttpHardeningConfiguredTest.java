package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server configured as behind a TLS proxy, with a CORS allow-list and the default per-address
 * sign-in back-off: HSTS over TLS, CORS grants for the listed origin only, and one address
 * guessing at many accounts slowed down.
 */
class HttpHardeningConfiguredTest {

    static ConfigurableApplicationContext server;
    static HttpTestClient client;

    @BeforeAll
    static void start() {
        server = new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "server.port=0",
                        "sextant.data-dir=target/test-data/hardened-" + UUID.randomUUID(),
                        "sextant.http.cors-allowed-origins=https://app.example.com",
                        "server.forward-headers-strategy=framework",
                        "sextant.identity.lockout.free-failures-per-address=3")
                .run();
        client = new HttpTestClient(
                ((WebServerApplicationContext) server).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Answer preflight(String origin) {
        return client.send(client.request("/api/v1/quotes/AAPL")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .build());
    }

    @Test
    void test_allowList_grantsOnlyTheListedOrigin() {
        Answer allowed = preflight("https://app.example.com");
        Answer other = preflight("https://evil.example");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void test_hsts_isSentOverTls() {
        Answer viaTls = client.send(client.request("/health")
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());
        Answer plain = client.get("/health");

        assertThat(viaTls.header("Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void test_oneAddressGuessingAtManyAccounts_isSlowedDown() {
        server.getBean(AccountAdministration.class)
                .createAccount("spray-target", null, "Meadow-Lantern-Pass-8", Set.of(Role.USER), false);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(client.postJson(
                            "/api/v1/auth/login",
                            "{\"username\":\"sprayed-" + i + "\",\"password\":\"Guess-Number-" + i + "\"}")
                    .status());
        }
        Answer rightPassword = client.postJson(
                "/api/v1/auth/login", "{\"username\":\"spray-target\",\"password\":\"Meadow-Lantern-Pass-8\"}");

        assertThat(statuses).containsExactly(401, 401, 401, 401);
        assertThat(rightPassword.status())
                .as("the address is backed off, whatever the account")
                .isEqualTo(429);
    }
}
