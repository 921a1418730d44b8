package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Administrators disable and enable accounts, reset a second factor, and cannot disable or demote
 * themselves: {@code POST /api/v1/admin/accounts/{id}/disable}, {@code /enable}, {@code /2fa/reset}.
 */
class AdminAccountStandingHttpTest extends ServerHttpTest {

    private static Answer post(HttpTestClient client, String path) {
        return client.send(
                client.request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String idOf(HttpTestClient client) {
        return client.get("/api/v1/me").json().get("id").asString();
    }

    private static JsonNode listed(HttpTestClient admin, String username) {
        for (JsonNode account :
                admin.get("/api/v1/admin/accounts?size=200").json().get("accounts")) {
            if (account.get("username").asString().equals(username)) {
                return account;
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    @Test
    void test_aDisabledAccount_cannotSignIn_refresh_useItsKeys_orOpenAStream_untilEnabled() {
        HttpTestClient admin = signedInAs(unique("warden"), Role.ADMIN);
        String name = unique("paused");
        accounts.createAccount(name, null, PASSWORD, java.util.Set.of(Role.ANALYST), false);
        JsonNode tokens = anonymous.login(name, PASSWORD);
        HttpTestClient user = anonymous.withBearer(tokens.get("accessToken").asString());
        String id = idOf(user);
        String key = user.postJson("/api/v1/me/api-keys", "{\"name\":\"k\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();
        HttpTestClient keyed = anonymous.withHeader("X-API-Key", key);
        assertThat(keyed.get("/api/v1/quotes/AAPL").status()).isEqualTo(200);

        Answer disabled = post(admin, "/api/v1/admin/accounts/" + id + "/disable");

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(listed(admin, name).get("disabled").asBoolean()).isTrue();
        assertThat(user.get("/api/v1/me").status()).as("the access token").isEqualTo(401);
        assertThat(keyed.get("/api/v1/quotes/AAPL").status()).as("the API key").isEqualTo(401);
        assertThat(post(keyed, "/api/v1/stream/tickets").status())
                .as("a stream ticket")
                .isIn(401, 403);
        Answer refresh = anonymous.postJson(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
        assertThat(refresh.status()).as("the refresh token").isEqualTo(401);
        Answer login = anonymous.postJson(
                "/api/v1/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(403);
        assertThat(login.json().get("type").asString()).isEqualTo("urn:sextant:problem:account-disabled");
        assertThat(login.json().get("detail").asString()).contains("disabled");
        assertThat(admin.get("/api/v1/admin/audit?type=ACCOUNT_DISABLED").body())
                .contains(id);

        Answer enabled = post(admin, "/api/v1/admin/accounts/" + id + "/enable");

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(listed(admin, name).get("disabled").asBoolean()).isFalse();
        assertThat(keyed.get("/api/v1/quotes/AAPL").status())
                .as("the API key again")
                .isEqualTo(200);
        assertThat(anonymous.login(name, PASSWORD).get("accessToken").asString())
                .isNotBlank();
        assertThat(admin.get("/api/v1/admin/audit?type=ACCOUNT_ENABLED").body()).contains(id);
    }

    @Test
    void test_anAdministrator_cannotDisableOrDemoteThemselves() {
        HttpTestClient admin = signedInAs(unique("selfish"), Role.ADMIN);
        signedInAs(unique("other-admin"), Role.ADMIN);
        String self = idOf(admin);

        Answer disable = post(admin, "/api/v1/admin/accounts/" + self + "/disable");
        Answer demote = admin.send(admin.request("/api/v1/admin/accounts/" + self + "/roles")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"analyst\"]}"))
                .build());

        for (Answer refused : java.util.List.of(disable, demote)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:sextant:problem:own-account");
        }
        assertThat(admin.get("/api/v1/me").json().get("roles").toString()).contains("admin");
    }

    @Test
    void test_aTwoFactorReset_clearsTheSecondFactor_endsSessions_andIsAudited() {
        HttpTestClient admin = signedInAs(unique("helpdesk"), Role.ADMIN);
        String name = unique("lost-phone");
        accounts.createAccount(name, null, PASSWORD, java.util.Set.of(Role.USER), false);
        HttpTestClient user = anonymous.withBearer(
                anonymous.login(name, PASSWORD).get("accessToken").asString());
        enableSecondFactor(user);
        String id = idOf(user);
        assertThat(listed(admin, name).get("twoFactorEnabled").asBoolean()).isTrue();

        Answer reset = post(admin, "/api/v1/admin/accounts/" + id + "/2fa/reset");

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(listed(admin, name).get("twoFactorEnabled").asBoolean()).isFalse();
        assertThat(user.get("/api/v1/me").status()).as("the old session").isEqualTo(401);
        JsonNode again = anonymous.login(name, PASSWORD);
        assertThat(again.has("accessToken")).as("a password alone signs in now").isTrue();
        assertThat(again.has("mfaToken")).isFalse();
        Answer audit = admin.get("/api/v1/admin/audit?type=TWO_FACTOR_RESET");
        assertThat(audit.body()).contains(id).contains(idOf(admin));
        assertThat(post(admin, "/api/v1/admin/accounts/" + java.util.UUID.randomUUID() + "/2fa/reset")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void test_nonAdmins_cannotDisable_enable_resetTwoFactor_orReadMetrics() {
        HttpTestClient analyst = signedInAs(unique("intruder"), Role.ANALYST);
        String victimName = unique("victim");
        String victim = idOf(signedInAs(victimName, Role.USER));
        String keyOfAnalyst = analyst.postJson(
                        "/api/v1/me/api-keys", "{\"name\":\"k\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();
        HttpTestClient keyed = anonymous.withHeader("X-API-Key", keyOfAnalyst);

        for (String action : java.util.List.of("disable", "enable", "2fa/reset")) {
            String path = "/api/v1/admin/accounts/" + victim + "/" + action;
            assertThat(post(analyst, path).status()).as(path).isEqualTo(403);
            assertThat(post(keyed, path).status()).as(path).isEqualTo(403);
            assertThat(post(anonymous, path).status()).as(path).isEqualTo(401);
        }
        assertThat(analyst.get("/api/v1/admin/metrics").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/admin/metrics").status()).isEqualTo(401);
        HttpTestClient admin = signedInAs(unique("checker"), Role.ADMIN);
        JsonNode untouched = listed(admin, victimName);
        assertThat(untouched.get("disabled").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/admin/audit?type=ACCOUNT_DISABLED").body())
                .doesNotContain(victim);
    }

    @Test
    void test_theMetricsOverview_countsRequests_andReportsTheJvm() {
        HttpTestClient admin = signedInAs(unique("watcher"), Role.ADMIN);
        for (int i = 0; i < 3; i++) {
            admin.get("/api/v1/quotes/AAPL");
        }

        Answer first = admin.get("/api/v1/admin/metrics");
        admin.get("/api/v1/quotes/AAPL");
        Answer second = admin.get("/api/v1/admin/metrics");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode requests = second.json().get("requests");
        assertThat(requests.get("total").asLong())
                .isGreaterThan(first.json().get("requests").get("total").asLong());
        assertThat(requests.get("p50Ms").asDouble())
                .isLessThanOrEqualTo(requests.get("p95Ms").asDouble());
        assertThat(requests.get("p95Ms").asDouble())
                .isLessThanOrEqualTo(requests.get("p99Ms").asDouble());
        assertThat(requests.get("p99Ms").asDouble())
                .isLessThanOrEqualTo(requests.get("maxMs").asDouble());
        assertThat(requests.get("errorRate").asDouble()).isBetween(0.0, 1.0);
        JsonNode jvm = second.json().get("jvm");
        assertThat(jvm.get("heapUsedBytes").asLong()).isPositive();
        assertThat(jvm.get("heapMaxBytes").asLong())
                .isGreaterThanOrEqualTo(jvm.get("heapUsedBytes").asLong());
        assertThat(jvm.get("liveThreads").asInt()).isPositive();
        assertThat(second.json().get("uptimeSeconds").asLong()).isNotNegative();
        assertThat(second.json().get("caches").get("hitRatio").asDouble()).isBetween(0.0, 1.0);
        // The busiest routes, busiest first (which ones depends on what else this server served).
        JsonNode routes = second.json().get("routes");
        assertThat(routes.size()).isBetween(1, 12);
        for (int i = 1; i < routes.size(); i++) {
            assertThat(routes.get(i).get("count").asLong())
                    .isLessThanOrEqualTo(routes.get(i - 1).get("count").asLong());
        }
    }

    @Test
    void test_percentiles_interpolateInsideTheBucket_andNeverPassTheMaximum() {
        java.util.Map<Double, Double> buckets = new java.util.TreeMap<>();
        buckets.put(10.0, 50.0);
        buckets.put(20.0, 90.0);
        buckets.put(40.0, 100.0);

        assertThat(AdminMetricsController.percentile(buckets, 100, 0.50, 35)).isEqualTo(10.0);
        assertThat(AdminMetricsController.percentile(buckets, 100, 0.70, 35)).isEqualTo(15.0);
        assertThat(AdminMetricsController.percentile(buckets, 100, 0.99, 35)).isEqualTo(35.0);
        assertThat(AdminMetricsController.percentile(buckets, 0, 0.99, 0)).isZero();
    }
}
