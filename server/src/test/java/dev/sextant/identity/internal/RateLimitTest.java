package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.RequiresRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Request budgets per route class and caller, in memory and shared across nodes through Redis. */
class RateLimitTest {

    private static final String PASSWORD = "Budget-Keeper-Passphrase-3";

    private static ConfigurableApplicationContext start(String dataDir, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "sextant.data-dir=" + dataDir,
                "sextant.ratelimit.auth-per-minute=4",
                "sextant.ratelimit.market-data-per-minute=5",
                "sextant.ratelimit.default-per-minute=50"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    private static HttpTestClient client(ConfigurableApplicationContext context) {
        return new HttpTestClient(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static HttpTestClient signIn(
            ConfigurableApplicationContext context, HttpTestClient anonymous, String username) {
        context.getBean(AccountAdministration.class).createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        return anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
    }

    @Test
    void test_budgets_perRouteClassAndCaller() {
        try (ConfigurableApplicationContext server = start("target/test-data/ratelimit-" + UUID.randomUUID())) {
            HttpTestClient anonymous = client(server);
            HttpTestClient alice = signIn(server, anonymous, "alice");
            HttpTestClient bob = signIn(server, anonymous, "bob");
            String key = alice.postJson("/api/v1/me/api-keys", "{\"name\":\"k\",\"scopes\":[\"marketdata:read\"]}")
                    .json()
                    .get("key")
                    .asString();

            List<Answer> aliceQuotes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                aliceQuotes.add(alice.get("/api/v1/quotes/AAPL"));
            }
            Answer bobQuote = bob.get("/api/v1/quotes/AAPL");
            Answer viaKey = anonymous.send(anonymous
                    .request("/api/v1/quotes/AAPL")
                    .header("X-API-Key", key)
                    .GET()
                    .build());
            Answer aliceOther = alice.get("/api/v1/me");

            assertThat(aliceQuotes.subList(0, 5))
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
            assertThat(aliceQuotes.get(0).header("RateLimit-Limit")).isEqualTo("5");
            assertThat(aliceQuotes.get(0).header("RateLimit-Remaining")).isEqualTo("4");
            assertThat(aliceQuotes.get(4).header("RateLimit-Remaining")).isEqualTo("0");
            Answer refused = aliceQuotes.get(5);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:sextant:problem:too-many-requests");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 60L);
            assertThat(bobQuote.status()).as("another user's budget").isEqualTo(200);
            assertThat(viaKey.status())
                    .as("an API key draws on its account's budget")
                    .isEqualTo(429);
            assertThat(aliceOther.status()).as("another route class").isEqualTo(200);
        }
    }

    /** Mints {@code count} API keys for the signed-in account and answers clients sending each. */
    private static List<HttpTestClient> keysOf(HttpTestClient account, HttpTestClient anonymous, int count) {
        List<HttpTestClient> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Answer created = account.postJson(
                    "/api/v1/me/api-keys", "{\"name\":\"k" + i + "\",\"scopes\":[\"marketdata:read\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            keys.add(anonymous.withHeader("X-API-Key", created.json().get("key").asString()));
        }
        return keys;
    }

    /** Spends the account's market-data budget round-robin over its session and its keys. */
    private static List<Integer> spread(List<HttpTestClient> credentials, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(credentials
                    .get(i % credentials.size())
                    .get("/api/v1/quotes/AAPL")
                    .status());
        }
        return statuses;
    }

    @Test
    void test_manyApiKeysOfOneAccount_shareTheAccountsOneBudget() {
        try (ConfigurableApplicationContext server = start("target/test-data/ratelimit-keys-" + UUID.randomUUID())) {
            HttpTestClient anonymous = client(server);
            HttpTestClient mallory = signIn(server, anonymous, "mallory");
            List<HttpTestClient> credentials = new ArrayList<>(keysOf(mallory, anonymous, 12));
            credentials.add(mallory);

            List<Integer> statuses = spread(credentials, 13);

            // 5 a minute for the account, however many keys it holds: 12 keys do not make 65.
            assertThat(statuses.subList(0, 5)).containsOnly(200);
            assertThat(statuses.subList(5, 13)).containsOnly(429);
            assertThat(signIn(server, anonymous, "bystander")
                            .get("/api/v1/quotes/AAPL")
                            .status())
                    .as("another account's budget")
                    .isEqualTo(200);
        }
    }

    @Test
    void test_signInRoutes_areBudgetedPerClientAddress() {
        try (ConfigurableApplicationContext server = start("target/test-data/ratelimit-auth-" + UUID.randomUUID())) {
            HttpTestClient anonymous = client(server);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(anonymous
                        .postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"sx_rt_nope" + i + "\"}")
                        .status());
            }

            assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
        }
    }

    @Nested
    @RequiresRedis
    class AcrossNodes {
        @Test
        void test_twoNodes_shareOneBudgetThroughRedis() {
            String dataDir = "target/test-data/ratelimit-redis-" + UUID.randomUUID();
            String[] redis = {
                "sextant.redis-url=" + RequiresRedis.URL, "sextant.ratelimit.namespace=test-" + UUID.randomUUID()
            };
            try (ConfigurableApplicationContext first = start(dataDir, redis);
                    ConfigurableApplicationContext second = start(dataDir, redis)) {
                String token = signIn(first, client(first), "carol")
                        .request("/")
                        .build()
                        .headers()
                        .firstValue("Authorization")
                        .orElseThrow()
                        .substring("Bearer ".length());
                HttpTestClient viaFirst = client(first).withBearer(token);
                HttpTestClient viaSecond = client(second).withBearer(token);

                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    statuses.add(viaFirst.get("/api/v1/quotes/MSFT").status());
                    statuses.add(viaSecond.get("/api/v1/quotes/MSFT").status());
                }

                assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
                HttpTestClient dave = signIn(first, client(first), "dave");
                List<HttpTestClient> credentials = new ArrayList<>(keysOf(dave, client(first), 3));
                credentials.addAll(keysOf(dave, client(second), 3));
                assertThat(spread(credentials, 6))
                        .as("keys of one account, used on two nodes, share its one budget")
                        .containsExactly(200, 200, 200, 200, 200, 429);
                assertThat(client(second)
                                .get("/health")
                                .json()
                                .get("components")
                                .get("redis")
                                .get("status")
                                .asString())
                        .isEqualTo("UP");
            }
        }
    }
}
