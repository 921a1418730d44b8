package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/accounts}: every account, paged, for administrators, without a secret. */
class AdminAccountListHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    /** Every account, walking the pages. */
    private static List<JsonNode> everyAccount(HttpTestClient admin) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Answer answer = admin.get("/api/v1/admin/accounts?size=200&page=" + page);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            answer.json().get("accounts").forEach(all::add);
            if (!answer.json().get("hasMore").asBoolean()) {
                return all;
            }
        }
    }

    private static JsonNode find(List<JsonNode> accounts, String username) {
        return accounts.stream()
                .filter(account -> account.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError(username + " is not listed"));
    }

    @Test
    void test_adminsListEveryAccount_withItsStanding_andNoSecret() {
        String adminName = unique("lister");
        HttpTestClient admin = signedInAs(adminName, Role.ADMIN);
        String analystName = unique("listed");
        signedInAs(analystName, Role.ANALYST);
        String neverName = unique("never");
        UUID never = accounts.createAccount(neverName, null, PASSWORD, Set.of(Role.USER), true)
                .value();
        String lockedName = unique("guessed");
        accounts.createAccount(lockedName, null, PASSWORD, Set.of(Role.USER), false);
        for (int i = 0; i < 6; i++) {
            anonymous.postJson(
                    "/api/v1/auth/login", "{\"username\":\"" + lockedName + "\",\"password\":\"wrong-" + i + "\"}");
        }

        List<JsonNode> listed = everyAccount(admin);
        JsonNode analyst = find(listed, analystName);
        JsonNode neverSignedIn = find(listed, neverName);
        JsonNode locked = find(listed, lockedName);
        JsonNode self = find(listed, adminName);

        assertThat(listed).extracting(a -> a.get("username").asString()).isSorted();
        assertThat(analyst.propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "username",
                        "roles",
                        "createdAt",
                        "lastSignInAt",
                        "passwordChangeRequired",
                        "twoFactorEnabled",
                        "locked",
                        "lockedUntil",
                        "disabled");
        assertThat(analyst.get("roles").toString()).isEqualTo("[\"analyst\"]");
        assertThat(analyst.get("createdAt").asString()).isEqualTo(FixedClockConfiguration.NOW.toString());
        assertThat(analyst.get("lastSignInAt").asString()).isEqualTo(FixedClockConfiguration.NOW.toString());
        assertThat(analyst.get("twoFactorEnabled").asBoolean()).isFalse();
        assertThat(analyst.get("locked").asBoolean()).isFalse();
        assertThat(analyst.get("lockedUntil").isNull()).isTrue();
        assertThat(self.get("twoFactorEnabled").asBoolean()).isTrue();
        assertThat(self.get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(neverSignedIn.get("id").asString()).isEqualTo(never.toString());
        assertThat(neverSignedIn.get("lastSignInAt").isNull()).isTrue();
        assertThat(neverSignedIn.get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(locked.get("locked").asBoolean()).isTrue();
        // Five free failures, then the sixth waits the first delay, one second, on the fixed clock.
        assertThat(locked.get("lockedUntil").asString())
                .isEqualTo(FixedClockConfiguration.NOW
                        .plus(LoginThrottle.FIRST_DELAY)
                        .toString());

        String body = admin.get("/api/v1/admin/accounts?size=200").body();
        List<String> hashes = jdbc.sql("SELECT password_hash FROM app_user")
                .query(String.class)
                .list();
        assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(body).doesNotContain(hash));
        assertThat(body.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("argon2")
                .doesNotContain("password\"")
                .doesNotContain("secret")
                .doesNotContain("recovery")
                .doesNotContain("email");
    }

    @Test
    void test_pages_walkInUsernameOrder_andTheirSizeIsBounded() {
        HttpTestClient admin = signedInAs(unique("pager"), Role.ADMIN);
        accounts.createAccount(unique("paged"), null, PASSWORD, Set.of(Role.USER), false);

        Answer first = admin.get("/api/v1/admin/accounts?page=0&size=1");
        Answer second = admin.get("/api/v1/admin/accounts?page=1&size=1");
        Answer defaults = admin.get("/api/v1/admin/accounts");
        Answer tooBig = admin.get("/api/v1/admin/accounts?size=201");
        Answer negative = admin.get("/api/v1/admin/accounts?page=-1");
        Answer zero = admin.get("/api/v1/admin/accounts?size=0");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("accounts")).hasSize(1);
        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        assertThat(first.json().get("page").asInt()).isZero();
        assertThat(first.json().get("size").asInt()).isEqualTo(1);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(second.json().get("accounts").get(0).get("username").asString())
                .isGreaterThan(
                        first.json().get("accounts").get(0).get("username").asString());
        assertThat(defaults.json().get("size").asInt()).isEqualTo(50);
        for (Answer refused : List.of(tooBig, negative, zero)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void test_aSearchKeepsTheUsernamesContainingIt_caseInsensitive_andLiterally() {
        HttpTestClient admin = signedInAs(unique("finder"), Role.ADMIN);
        String needle = unique("needle");
        accounts.createAccount(needle, null, PASSWORD, java.util.Set.of(Role.USER), false);
        accounts.createAccount(unique("haystack"), null, PASSWORD, java.util.Set.of(Role.USER), false);

        JsonNode found = admin.get(
                        "/api/v1/admin/accounts?q=" + needle.substring(2).toUpperCase())
                .json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("accounts").get(0).get("username").asString()).isEqualTo(needle);
        // '%' and '_' are letters to look for, not wildcards that would match every name.
        assertThat(admin.get("/api/v1/admin/accounts?q=%25").json().get("total").asLong())
                .isZero();
        assertThat(admin.get("/api/v1/admin/accounts?q=" + needle.substring(0, 6) + "_")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(admin.get("/api/v1/admin/accounts?q=" + "x".repeat(65)).status())
                .isEqualTo(400);
    }

    @Test
    void test_nonAdmins_areRefused() {
        HttpTestClient analyst = signedInAs(unique("curious"), Role.ANALYST);
        HttpTestClient admin = signedInAs(unique("keyed"), Role.ADMIN);
        String readKey = admin.postJson("/api/v1/me/api-keys", "{\"name\":\"r\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();
        String adminKey = admin.postJson("/api/v1/me/api-keys", "{\"name\":\"a\",\"scopes\":[\"admin\"]}")
                .json()
                .get("key")
                .asString();

        assertProblem(http.get("/api/v1/admin/accounts"), 403, "forbidden");
        assertProblem(analyst.get("/api/v1/admin/accounts"), 403, "forbidden");
        assertProblem(
                anonymous.withHeader("X-API-Key", readKey).get("/api/v1/admin/accounts"), 403, "insufficient-scope");
        Answer withAdminKey = anonymous.withHeader("X-API-Key", adminKey).get("/api/v1/admin/accounts");
        assertThat(withAdminKey.status()).isEqualTo(200);
        assertThat(withAdminKey.json().get("total").asLong())
                .as("every account")
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM app_user")
                        .query(Long.class)
                        .single());
        assertProblem(anonymous.get("/api/v1/admin/accounts"), 401, "unauthenticated");
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:" + type);
    }
}
