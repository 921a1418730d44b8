package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A user switches real providers on while the network is down, then goes back to the defaults, on
 * one data directory: an outage is reported as one (503 with each provider's reason, never "unknown
 * symbol"), and nothing the failed lookups did outlives them: the demo market serves its symbols again.
 */
class ProviderOutageTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private final String dataDir = "target/test-data/outage-" + UUID.randomUUID();

    @Test
    void test_realProvidersUnreachable_thenDefaultsAgain_leavesTheDemoMarketIntact() throws IOException {
        try (ConfigurableApplicationContext defaults = start()) {
            defaults.getBean(AccountAdministration.class)
                    .createAccount("outage-user", null, PASSWORD, Set.of(Role.USER), false);
            assertThat(quote(defaults, "BTC-USD").status()).isEqualTo(200);
        }

        int closedPort = closedPort();
        try (ConfigurableApplicationContext offline = start(
                "sextant.demo.enabled=false",
                "sextant.providers.enabled=yahoo,stooq,binance,coingecko,fred",
                "sextant.providers.timeout=2s",
                "sextant.providers.urls.yahoo=http://127.0.0.1:" + closedPort,
                "sextant.providers.urls.stooq=http://127.0.0.1:" + closedPort,
                "sextant.providers.urls.binance=http://127.0.0.1:" + closedPort,
                "sextant.providers.urls.coingecko=http://127.0.0.1:" + closedPort,
                "sextant.providers.urls.fred=http://127.0.0.1:" + closedPort)) {
            for (String symbol : List.of("AAPL", "BTC-USD", "US10Y")) {
                HttpTestClient.Answer answer = quote(offline, symbol);
                assertThat(answer.status()).as(symbol + ": " + answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                JsonNode problem = answer.json();
                assertThat(problem.get("type").asString()).isEqualTo("urn:sextant:problem:upstream-unavailable");
                assertThat(problem.get("detail").asString())
                        .isEqualTo(
                                "No market data provider could answer for " + symbol + " just now; try again shortly.");
                assertThat(answer.header("Retry-After")).isEqualTo("30");
                List<String> reasons = new ArrayList<>();
                problem.get("providers")
                        .forEach(p -> reasons.add(p.get("provider").asString() + " "
                                + p.get("outcome").asString() + ": "
                                + p.get("reason").asString()));
                assertThat(reasons).as(symbol).isNotEmpty().allMatch(r -> r.contains("unavailable: "));
            }
            HttpTestClient.Answer bars =
                    client(offline).get("/api/v1/bars/AAPL?interval=1d&from=2025-06-02&to=2025-06-06");
            assertThat(bars.status()).as(bars.body()).isEqualTo(503);

            HttpTestClient anonymous = new HttpTestClient(port(offline));
            JsonNode health = anonymous.get("/health").json();
            JsonNode providers = health.get("components").get("providers");
            assertThat(providers.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(providers.get("details").get("yahoo").get("status").asString())
                    .isEqualTo("DOWN");
            assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(anonymous.get("/health").status()).isEqualTo(200);
            assertThat(anonymous.get("/health/readiness").status()).isEqualTo(200);

            // An older data directory, written before this fix, where a provider took a demo symbol over.
            offline.getBean(JdbcClient.class)
                    .sql("UPDATE instrument SET provider = 'market', demo = FALSE WHERE symbol = 'SPY'")
                    .update();
        }

        try (ConfigurableApplicationContext again = start()) {
            HttpTestClient http = client(again);
            for (String symbol : List.of("AAPL", "BTC-USD", "US10Y", "SPY")) {
                HttpTestClient.Answer answer = quote(again, symbol);
                assertThat(answer.status()).as(symbol + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.json().get("provider").asString()).as(symbol).isEqualTo("demo");
                assertThat(answer.json().get("demo").asBoolean()).as(symbol).isTrue();
            }
            JsonNode instruments = http.get("/api/v1/instruments").json().get("instruments");
            instruments.forEach(
                    instrument -> assertThat(instrument.get("provider").asString())
                            .as(instrument.get("symbol").asString())
                            .isEqualTo("demo"));
            JsonNode health = new HttpTestClient(port(again)).get("/health").json();
            assertThat(health.get("components").get("providers").get("status").asString())
                    .isEqualTo("UP");
        }
    }

    private ConfigurableApplicationContext start(String... settings) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "sextant.data-dir=" + dataDir,
                "sextant.providers.warm-watchlists=false",
                "sextant.ratelimit.market-data-per-minute=1000000"));
        properties.addAll(List.of(settings));
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    private static HttpTestClient.Answer quote(ConfigurableApplicationContext server, String symbol) {
        return client(server).get("/api/v1/quotes/" + symbol);
    }

    private static HttpTestClient client(ConfigurableApplicationContext server) {
        HttpTestClient anonymous = new HttpTestClient(port(server));
        return anonymous.withBearer(
                anonymous.login("outage-user", PASSWORD).get("accessToken").asString());
    }

    private static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    /** A port nothing listens on: connections to it are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
