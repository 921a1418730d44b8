package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.TotpCodes;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server must never end up without an administrator: nothing would create one again. On a
 * fresh server of its own (the shared test server holds many administrators).
 */
class LastAdministratorTest {

    private static final String PASSWORD = "Last-Admin-Passphrase-8";

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir, "sextant.ratelimit.enabled=false")
                .run();
    }

    private static HttpTestClient newAdmin(ConfigurableApplicationContext server, String username) {
        server.getBean(AccountAdministration.class).createAccount(username, null, PASSWORD, Set.of(Role.ADMIN), false);
        HttpTestClient anonymous = new HttpTestClient(
                ((WebServerApplicationContext) server).getWebServer().getPort());
        HttpTestClient admin = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
        Answer setup = admin.send(admin.request("/api/v1/me/2fa/setup")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        String code = TotpCodes.code(setup.json().get("secret").asString(), TotpCodes.stepOf(Instant.now()));
        assertThat(admin.postJson("/api/v1/me/2fa/enable", "{\"code\":\"" + code + "\"}")
                        .status())
                .isEqualTo(200);
        return admin;
    }

    private static String idOf(HttpTestClient client) {
        return client.get("/api/v1/me").json().get("id").asString();
    }

    private static Answer delete(HttpTestClient admin, String id) {
        return admin.send(admin.request("/api/v1/admin/accounts/" + id).DELETE().build());
    }

    private static long administrators(ConfigurableApplicationContext server) {
        return server.getBean(JdbcClient.class).sql("SELECT roles FROM app_user").query(String.class).list().stream()
                .filter(roles -> List.of(roles.split(",")).contains("ADMIN"))
                .count();
    }

    @Test
    void test_theLastAdministrator_cannotBeDeletedOrDemotedEvenInARace() throws Exception {
        String dataDir = "target/test-data/last-admin-" + UUID.randomUUID();
        try (ConfigurableApplicationContext server = start(dataDir)) {
            HttpTestClient keeper = newAdmin(server, "keeper");
            String keeperId = idOf(keeper);
            String bootstrapAdmin = server.getBean(JdbcClient.class)
                    .sql("SELECT id FROM app_user WHERE username = 'admin'")
                    .query(UUID.class)
                    .single()
                    .toString();
            assertThat(delete(keeper, bootstrapAdmin).status())
                    .as("another admin remains")
                    .isEqualTo(204);

            Answer selfDelete = delete(keeper, keeperId);
            Answer selfDemote = keeper.send(keeper.request("/api/v1/admin/accounts/" + keeperId + "/roles")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"user\"]}"))
                    .build());

            assertThat(selfDelete.status()).as(selfDelete.body()).isEqualTo(409);
            assertThat(selfDelete.json().get("type").asString()).isEqualTo("urn:sextant:problem:last-admin");
            assertThat(selfDelete.contentType()).startsWith("application/problem+json");
            assertThat(selfDemote.status()).isEqualTo(409);
            assertThat(selfDemote.json().get("type").asString()).isEqualTo("urn:sextant:problem:last-admin");
            assertThat(keeper.get("/api/v1/me").status()).isEqualTo(200);

            // Two administrators delete each other at the same moment, round after round: one must stay.
            HttpTestClient survivor = keeper;
            String survivorId = keeperId;
            for (int round = 0; round < 3; round++) {
                HttpTestClient rival = newAdmin(server, "rival-" + round);
                String rivalId = idOf(rival);
                HttpTestClient first = survivor;
                String firstId = survivorId;
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Answer> firstDeletesRival = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return delete(first, rivalId);
                });
                CompletableFuture<Answer> rivalDeletesFirst = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return delete(rival, firstId);
                });
                go.countDown();
                int one = firstDeletesRival.get().status();
                int other = rivalDeletesFirst.get().status();

                // The loser is refused as the last administrator, or (if it came second) as deleted.
                assertThat(List.of(one, other))
                        .as("round " + round + ": one deletion wins, the other is refused")
                        .containsOnlyOnce(204)
                        .allMatch(status -> status == 204 || status == 409 || status == 401);
                assertThat(administrators(server)).isEqualTo(1);
                if (other == 204) {
                    survivor = rival;
                    survivorId = rivalId;
                }
            }
        }
        try (ConfigurableApplicationContext again = start(dataDir)) {
            assertThat(administrators(again))
                    .as("after a restart an administrator is there")
                    .isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
