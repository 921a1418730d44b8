package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** API keys: shown once, stored hashed, scoped, expiring, revocable, and only their owner's. */
class ApiKeyHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeys apiKeys;

    private JsonNode createKey(HttpTestClient owner, String scopes) {
        Answer created =
                owner.postJson("/api/v1/me/api-keys", "{\"name\":\"laptop script\",\"scopes\":[" + scopes + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private HttpTestClient.Answer withKey(String key, String path) {
        return anonymous.send(
                anonymous.request(path).header("X-API-Key", key).GET().build());
    }

    @Test
    void test_aKeyAsTheBearerToken_isTheSameKey_withTheSameScopes_andRevokedAlike() {
        HttpTestClient owner = signedInAs(unique("bearer-key"), Role.USER);
        JsonNode created = createKey(owner, "\"marketdata:read\"");
        String key = created.get("key").asString();
        HttpTestClient asBearer = anonymous.withBearer(key);

        Answer quote = asBearer.get("/api/v1/quotes/AAPL");
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.json().get("symbol").asString()).isEqualTo("AAPL");
        // A key, however sent, is a key: what it may reach is what it reaches in X-API-Key.
        for (String path :
                List.of("/api/v1/me", "/api/v1/me/api-keys", "/api/v1/me/secrets", "/api/v1/admin/accounts")) {
            assertThat(asBearer.get(path).status())
                    .as(path)
                    .isEqualTo(withKey(key, path).status());
        }
        Answer analysis = asBearer.get("/api/v1/indicators");
        assertThat(analysis.status()).isEqualTo(403);
        assertThat(analysis.json().get("type").asString()).isEqualTo("urn:sextant:problem:insufficient-scope");

        Answer both = anonymous.send(anonymous
                .request("/api/v1/quotes/AAPL")
                .header("Authorization", "Bearer " + key)
                .header("X-API-Key", key)
                .GET()
                .build());
        assertThat(both.status()).isEqualTo(401);

        owner.send(owner.request("/api/v1/me/api-keys/" + created.get("id").asString())
                .DELETE()
                .build());
        Answer revoked = asBearer.get("/api/v1/quotes/AAPL");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).isEqualTo("The API key is invalid, expired or revoked.");
    }

    @Test
    void test_createdKey_isShownOnceAndStoredOnlyAsAHash() {
        HttpTestClient owner = signedInAs(unique("keyholder"), Role.USER);

        JsonNode created = createKey(owner, "\"marketdata:read\"");
        String key = created.get("key").asString();
        JsonNode listed = owner.get("/api/v1/me/api-keys").json().get("apiKeys");
        Map<String, Object> row = jdbc.sql("SELECT * FROM api_key WHERE id = :id")
                .param("id", UUID.fromString(created.get("id").asString()))
                .query()
                .singleRow();

        // The prefix, then 256 random bits in unpadded base64url (43 characters).
        assertThat(key).matches("sx_live_[A-Za-z0-9_-]{43}");
        assertThat(created.get("prefix").asString()).isEqualTo(key.substring(0, 14));
        assertThat(created.get("expiresAt").asString())
                .isEqualTo(FixedClockConfiguration.NOW.plus(Duration.ofDays(90)).toString());
        assertThat(listed).hasSize(1);
        assertThat(listed.toString()).doesNotContain(key);
        assertThat(row.values().toString()).doesNotContain(key).doesNotContain(key.substring(8));
        assertThat(row.get("key_hash")).isEqualTo(apiKeys.hash(key));
    }

    @Test
    void test_key_authenticatesWithinItsScopesAndRecordsItsUse() {
        HttpTestClient owner = signedInAs(unique("scoped"), Role.USER);
        String marketKey = createKey(owner, "\"marketdata:read\"").get("key").asString();
        String analysisKey = createKey(owner, "\"analysis\"").get("key").asString();

        Answer quote = withKey(marketKey, "/api/v1/quotes/AAPL");
        Answer outOfScope = withKey(analysisKey, "/api/v1/quotes/AAPL");
        Answer me = withKey(analysisKey, "/api/v1/me");

        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().get("symbol").asString()).isEqualTo("AAPL");
        assertLacksScope(outOfScope, "marketdata:read");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString())
                .as("the key acts as its owner")
                .isEqualTo(owner.get("/api/v1/me").json().get("id").asString());
        assertThat(owner.get("/api/v1/me/api-keys")
                        .json()
                        .get("apiKeys")
                        .get(0)
                        .get("lastUsedAt")
                        .asString())
                .isEqualTo(FixedClockConfiguration.NOW.toString());
    }

    private Answer postWithKey(String key, String path, String contentType, String body) {
        return anonymous.send(anonymous
                .request(path)
                .header("X-API-Key", key)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void test_eachScope_grantsWhatItSaysAndNothingElse() {
        HttpTestClient owner = signedInAs(unique("scopes"), Role.USER);
        String read = createKey(owner, "\"marketdata:read\"").get("key").asString();
        String write = createKey(owner, "\"marketdata:write\"").get("key").asString();
        String analysis = createKey(owner, "\"analysis\"").get("key").asString();
        String query = "EVALUATE AAPL: PRICE";
        String watchlist = "{\"name\":\"" + unique("w") + "\",\"symbols\":[\"AAPL\"]}";

        // analysis computes; it reads no raw market data and changes nothing
        assertThat(postWithKey(analysis, "/api/v1/query", "text/plain", query).status())
                .isEqualTo(200);
        assertThat(withKey(analysis, "/api/v1/analytics/risk/AAPL").status()).isEqualTo(200);
        assertThat(withKey(analysis, "/api/v1/indicators/AAPL?name=RSI").status())
                .isEqualTo(200);
        assertLacksScope(withKey(analysis, "/api/v1/bars/AAPL"), "marketdata:read");
        assertLacksScope(
                postWithKey(analysis, "/api/v1/me/watchlists", "application/json", watchlist), "marketdata:write");
        // marketdata:read reads, and neither computes nor writes
        Answer readQuery = postWithKey(read, "/api/v1/query", "text/plain", query);
        assertThat(readQuery.status()).isEqualTo(403);
        assertThat(readQuery.json().get("type").asString()).isEqualTo("urn:sextant:problem:insufficient-scope");
        assertThat(readQuery.json().get("requiredScope").asString()).isEqualTo("analysis");
        assertLacksScope(withKey(read, "/api/v1/analytics/risk/AAPL"), "analysis");
        assertLacksScope(postWithKey(read, "/api/v1/me/watchlists", "application/json", watchlist), "marketdata:write");
        assertThat(withKey(read, "/api/v1/me/watchlists").status()).isEqualTo(200);
        // marketdata:write writes
        assertThat(postWithKey(write, "/api/v1/me/watchlists", "application/json", watchlist)
                        .status())
                .isEqualTo(201);
        assertLacksScope(withKey(write, "/api/v1/me/watchlists"), "marketdata:read");
    }

    /** A 403 insufficient-scope naming the scope the endpoint needs. */
    private static void assertLacksScope(Answer answer, String scope) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:insufficient-scope");
        assertThat(answer.json().get("requiredScope").asString()).isEqualTo(scope);
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("This API key lacks the scope '" + scope + "' that this endpoint needs.");
    }

    /** A 403 saying no API key may do this: it takes a password sign-in. */
    private static void assertSessionOnly(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("API keys cannot do this, whatever their scopes: sign in with your password.");
    }

    @Test
    void test_theScopeIsCheckedBeforeTheBodyIsRead() {
        HttpTestClient owner = signedInAs(unique("early"), Role.USER);
        String read = createKey(owner, "\"marketdata:read\"").get("key").asString();
        String write = createKey(owner, "\"marketdata:write\"").get("key").asString();

        Answer wrongScope = postWithKey(read, "/api/v1/me/watchlists", "application/json", "{\"name\":");
        Answer sessionOnly = postWithKey(write, "/api/v1/me/api-keys", "application/json", "[]");
        Answer rightScope = postWithKey(write, "/api/v1/me/watchlists", "application/json", "{\"name\":");

        assertLacksScope(wrongScope, "marketdata:write");
        assertSessionOnly(sessionOnly);
        assertThat(rightScope.status()).as(rightScope.body()).isEqualTo(400);
        assertThat(rightScope.json().get("type").asString())
                .as("only a key allowed in reads the body, and finds it cut short")
                .isEqualTo("urn:sextant:problem:malformed-body");
    }

    @Test
    void test_keys_cannotManageKeysOrPasswords() {
        HttpTestClient owner = signedInAs(unique("careful"), Role.USER);
        String key = createKey(owner, "\"marketdata:read\",\"analysis\",\"trading\"")
                .get("key")
                .asString();

        Answer mint = anonymous.send(anonymous
                .request("/api/v1/me/api-keys")
                .header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"more\",\"scopes\":[\"trading\"]}"))
                .build());
        Answer password = anonymous.send(anonymous
                .request("/api/v1/me/password")
                .header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"x\",\"newPassword\":\"y\"}"))
                .build());

        assertSessionOnly(mint);
        assertSessionOnly(password);
    }

    @Test
    void test_adminScope_isForAdminsOnlyAndRequiredForAdminWork() {
        HttpTestClient user = signedInAs(unique("plain"), Role.USER);
        HttpTestClient admin = signedInAs(unique("root"), Role.ADMIN);
        String adminKey = createKey(admin, "\"admin\"").get("key").asString();
        String readKey = createKey(admin, "\"marketdata:read\"").get("key").asString();
        String body = "{\"username\":\"" + unique("via-key") + "\",\"roles\":[\"user\"]}";

        Answer userTries = user.postJson("/api/v1/me/api-keys", "{\"name\":\"x\",\"scopes\":[\"admin\"]}");
        Answer withAdminKey = anonymous.send(anonymous
                .request("/api/v1/admin/accounts")
                .header("X-API-Key", adminKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        Answer withReadKey = anonymous.send(anonymous
                .request("/api/v1/admin/accounts")
                .header("X-API-Key", readKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        assertThat(userTries.status()).isEqualTo(403);
        assertThat(userTries.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(userTries.json().get("detail").asString()).isEqualTo("Your account cannot grant the scope 'admin'.");
        assertThat(withAdminKey.status()).isEqualTo(201);
        assertLacksScope(withReadKey, "admin");
    }

    @Test
    void test_revokedKeys_stopAtOnceAndOnlyTheOwnerCanRevoke() {
        HttpTestClient owner = signedInAs(unique("owner"), Role.USER);
        HttpTestClient intruder = signedInAs(unique("intruder"), Role.USER);
        JsonNode created = createKey(owner, "\"marketdata:read\"");
        String key = created.get("key").asString();
        String id = created.get("id").asString();

        Answer intruderRevoke = intruder.send(
                intruder.request("/api/v1/me/api-keys/" + id).DELETE().build());
        Answer stillWorks = withKey(key, "/api/v1/quotes/AAPL");
        Answer intruderList = intruder.get("/api/v1/me/api-keys");
        Answer ownerRevoke =
                owner.send(owner.request("/api/v1/me/api-keys/" + id).DELETE().build());
        Answer afterRevoke = withKey(key, "/api/v1/quotes/AAPL");

        assertThat(intruderRevoke.status()).isEqualTo(404);
        assertThat(intruderRevoke.json().get("detail").asString())
                .as("as if the key did not exist")
                .isEqualTo("You have no live API key with that id.");
        assertThat(stillWorks.status()).isEqualTo(200);
        assertThat(intruderList.json().get("apiKeys")).isEmpty();
        assertThat(ownerRevoke.status()).isEqualTo(204);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-token");
    }

    @Test
    void test_expiredAndUnknownKeys_areRefused() {
        String expired = "sx_live_" + UUID.randomUUID().toString().replace("-", "") + "expired";
        UUID owner = accounts.createAccount(unique("expired"), null, PASSWORD, java.util.Set.of(Role.USER), false)
                .value();
        jdbc.sql("INSERT INTO api_key (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at) "
                        + "VALUES (:id, :user, 'old', 'sx_live_old', :hash, 'marketdata:read', :created, :expires)")
                .param("id", UUID.randomUUID())
                .param("user", owner)
                .param("hash", apiKeys.hash(expired))
                .param("created", Timestamp.from(FixedClockConfiguration.NOW.minus(Duration.ofDays(100))))
                .param("expires", Timestamp.from(FixedClockConfiguration.NOW.minus(Duration.ofDays(10))))
                .update();

        for (String key : List.of(expired, "sx_live_doesnotexist", "not-even-a-key", "sx_live_' OR 1=1 --")) {
            Answer answer = withKey(key, "/api/v1/quotes/AAPL");
            assertThat(answer.status()).as(key).isEqualTo(401);
            assertThat(answer.json().get("type").asString()).as(key).isEqualTo("urn:sextant:problem:invalid-token");
        }
    }

    @Test
    void test_bothCredentialsAtOnce_areRefused() {
        String key = createKey(http, "\"marketdata:read\"").get("key").asString();

        Answer both = http.send(http.request("/api/v1/quotes/AAPL")
                .header("X-API-Key", key)
                .GET()
                .build());

        assertThat(both.status()).isEqualTo(401);
        assertThat(both.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-token");
    }

    @Test
    void test_badKeyRequests_getProblems() {
        HttpTestClient owner = signedInAs(unique("sloppy"), Role.USER);

        Map<String, Integer> cases = Map.of(
                "{\"name\":\"x\",\"scopes\":[\"everything\"]}",
                400,
                "{\"name\":\"x\",\"scopes\":[]}",
                400,
                "{\"name\":\"\",\"scopes\":[\"analysis\"]}",
                400,
                "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"analysis\"]}",
                400,
                "{\"name\":\"x\",\"scopes\":[\"analysis\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
                400,
                "{\"name\":\"x\",\"scopes\":[\"analysis\"],\"expiresAt\":\"2099-01-01T00:00:00Z\"}",
                400,
                "{\"name\":\"x\",\"scopes\":[\"analysis\"],\"expiresAt\":\"tomorrow\"}",
                400);

        cases.forEach((body, status) -> {
            Answer answer = owner.postJson("/api/v1/me/api-keys", body);
            assertThat(answer.status()).as(body).isEqualTo(status);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(owner.get("/api/v1/me/api-keys").json().get("apiKeys"))
                .as("nothing was created")
                .isEmpty();
    }
}
