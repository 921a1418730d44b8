package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The attack: a stolen session mints a long-lived API key; the victim changes the password or
 * signs out everywhere. The key must die with the sessions (unless the victim explicitly keeps
 * it), on the hot read path and through the whole filter chain alike.
 */
class CredentialResetHttpTest extends ServerHttpTest {

    private static final String NEW_PASSWORD = "Fresh-Start-Passphrase-4";
    /** Served ahead of the filter chain (HotReadFilter). */
    private static final String HOT_READ = "/api/v1/quotes/AAPL";
    /** Served through the full Spring Security chain and MVC. */
    private static final String FULL_CHAIN = "/api/v1/bars/AAPL?interval=1d&from=2025-06-02&to=2025-06-03";

    @Autowired
    JdbcClient jdbc;

    private record Minted(String id, String secret) {}

    private static Minted mint(HttpTestClient session) {
        Answer created = session.postJson(
                "/api/v1/me/api-keys", "{\"name\":\"minted by a thief\",\"scopes\":[\"marketdata:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Minted(
                created.json().get("id").asString(), created.json().get("key").asString());
    }

    private List<Integer> statusesWith(Minted key) {
        return List.of(HOT_READ, FULL_CHAIN, "/api/v1/me").stream()
                .map(path -> anonymous
                        .send(anonymous
                                .request(path)
                                .header("X-API-Key", key.secret())
                                .GET()
                                .build())
                        .status())
                .toList();
    }

    private static Answer changePassword(HttpTestClient session, String extra) {
        return session.postJson(
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"" + extra + "}");
    }

    private static Answer logoutEverywhere(HttpTestClient session, String body) {
        HttpRequest.Builder request = session.request("/api/v1/auth/logout-all");
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return session.send(request.build());
    }

    private long auditedRevocations(String keyId, String reason) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'API_KEY_REVOKED' AND subject = :key "
                        + "AND details LIKE :reason")
                .param("key", keyId)
                .param("reason", "%" + reason + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void test_passwordChange_revokesKeysMintedByAStolenSession() {
        String victim = unique("victim");
        HttpTestClient stolen = signedInAs(victim, Role.USER);
        Minted key = mint(stolen);
        Minted second = mint(stolen);
        assertThat(statusesWith(key)).as("the key works (and is cached) before").containsOnly(200);

        Answer changed = changePassword(stolen, "");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Answer asNewSession = anonymous
                .withBearer(changed.json().get("accessToken").asString())
                .get("/api/v1/me");
        assertThat(asNewSession.status()).as("the new session's token works").isEqualTo(200);
        assertThat(asNewSession.json().get("username").asString()).isEqualTo(victim);
        JsonNode fate = changed.json().get("apiKeys");
        assertThat(fate.get("revoked").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(key.id(), second.id());
        assertThat(fate.get("kept")).isEmpty();
        assertThat(fate.get("summary").asString()).contains("2 API key(s) revoked");
        assertThat(statusesWith(key)).as("hot read, full chain, /me").containsOnly(401);
        assertThat(statusesWith(second)).containsOnly(401);
        assertThat(auditedRevocations(key.id(), "password changed")).isEqualTo(1);
    }

    @Test
    void test_passwordChange_keepsKeysOnlyWhenAskedAndSaysSo() {
        HttpTestClient session = signedInAs(unique("keeper"), Role.USER);
        Minted key = mint(session);

        Answer changed = changePassword(session, ",\"keepApiKeys\":true");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode fate = changed.json().get("apiKeys");
        assertThat(fate.get("kept").valueStream().map(JsonNode::asString)).containsExactly(key.id());
        assertThat(fate.get("revoked")).isEmpty();
        assertThat(fate.get("summary").asString()).contains("kept");
        assertThat(statusesWith(key)).containsOnly(200);
    }

    @Test
    void test_logoutEverywhere_revokesKeysMintedByAStolenSession() {
        HttpTestClient stolen = signedInAs(unique("signed-out"), Role.USER);
        Minted key = mint(stolen);
        assertThat(statusesWith(key)).containsOnly(200);

        Answer out = logoutEverywhere(stolen, null);

        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("apiKeys").get("revoked").valueStream().map(JsonNode::asString))
                .containsExactly(key.id());
        assertThat(statusesWith(key)).containsOnly(401);
        assertThat(auditedRevocations(key.id(), "signed out everywhere")).isEqualTo(1);
    }

    @Test
    void test_logoutEverywhere_keepsKeysOnlyWhenAsked() {
        String username = unique("keeps-keys");
        HttpTestClient session = signedInAs(username, Role.USER);
        Minted key = mint(session);

        Answer out = logoutEverywhere(session, "{\"keepApiKeys\":true}");

        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("apiKeys").get("kept").valueStream().map(JsonNode::asString))
                .containsExactly(key.id());
        assertThat(statusesWith(key)).containsOnly(200);
        assertThat(session.get("/api/v1/me").status())
                .as("the sessions end all the same")
                .isEqualTo(401);
    }
}
