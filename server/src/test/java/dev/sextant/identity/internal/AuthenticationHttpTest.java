package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Sign-in, refresh-token rotation and sign-out, as a client uses them over HTTP. */
class AuthenticationHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    private String newUser() {
        String username = unique("auth");
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        return username;
    }

    /** Fails unless the access token in this token response is accepted as the named account. */
    private void assertSignedInAs(JsonNode tokens, String username) {
        Answer me = anonymous.withBearer(tokens.get("accessToken").asString()).get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(username);
    }

    private Answer refresh(String refreshToken) {
        return anonymous.postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:" + type);
    }

    @Test
    void test_login_answersTheTokenPairAndMeSaysWhoIAm() {
        String username = unique("auth");
        UserId id = accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);

        JsonNode tokens = anonymous.login(username.toUpperCase(), PASSWORD);
        JsonNode me = anonymous
                .withBearer(tokens.get("accessToken").asString())
                .get("/api/v1/me")
                .json();

        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        // The prefix, then 256 random bits in unpadded base64url (43 characters).
        assertThat(tokens.get("refreshToken").asString()).matches("sx_rt_[A-Za-z0-9_-]{43}");
        assertThat(tokens.get("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(me.get("id").asString()).isEqualTo(id.value().toString());
    }

    @Test
    void test_refresh_rotatesAndAReplayedTokenRevokesTheWholeFamily() {
        JsonNode first = anonymous.login(newUser(), PASSWORD);
        String original = first.get("refreshToken").asString();

        Answer rotated = refresh(original);
        String next = rotated.json().get("refreshToken").asString();
        Answer replay = refresh(original);
        Answer afterReplay = refresh(next);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(next).isNotEqualTo(original);
        assertThat(anonymous
                        .withBearer(rotated.json().get("accessToken").asString())
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
        assertProblem(replay, 401, "invalid-token");
        assertProblem(afterReplay, 401, "invalid-token");
    }

    @Test
    void test_otherSignInsSurviveAReplayInOneFamily() {
        String username = newUser();
        String stolen = anonymous.login(username, PASSWORD).get("refreshToken").asString();
        String laptop = anonymous.login(username, PASSWORD).get("refreshToken").asString();

        refresh(stolen);
        refresh(stolen);

        assertThat(refresh(laptop).status()).isEqualTo(200);
    }

    @Test
    void test_logout_revokesTheRefreshToken() {
        String refreshToken =
                anonymous.login(newUser(), PASSWORD).get("refreshToken").asString();

        Answer logout = anonymous.postJson("/api/v1/auth/logout", "{\"refreshToken\":\"" + refreshToken + "\"}");

        assertThat(logout.status()).isEqualTo(204);
        assertProblem(refresh(refreshToken), 401, "invalid-token");
    }

    @Test
    void test_logoutEverywhere_endsEveryTokenOfTheAccount() {
        String username = newUser();
        JsonNode phone = anonymous.login(username, PASSWORD);
        JsonNode laptop = anonymous.login(username, PASSWORD);
        HttpTestClient phoneClient =
                anonymous.withBearer(phone.get("accessToken").asString());

        Answer logout = phoneClient.send(phoneClient
                .request("/api/v1/auth/logout-all")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(logout.status()).isEqualTo(200);
        assertProblem(phoneClient.get("/api/v1/me"), 401, "invalid-token");
        assertProblem(
                anonymous.withBearer(laptop.get("accessToken").asString()).get("/api/v1/me"), 401, "invalid-token");
        assertProblem(refresh(laptop.get("refreshToken").asString()), 401, "invalid-token");
        assertSignedInAs(anonymous.login(username, PASSWORD), username);
    }

    @Test
    void test_changePassword_replacesItAndEndsOtherSessions() {
        String username = newUser();
        JsonNode tokens = anonymous.login(username, PASSWORD);
        HttpTestClient client = anonymous.withBearer(tokens.get("accessToken").asString());

        Answer weak = client.postJson(
                "/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"password123\"}");
        Answer wrongCurrent = client.postJson(
                "/api/v1/me/password",
                "{\"currentPassword\":\"not-my-password-1\",\"newPassword\":\"Brand-New-Passphrase-9\"}");
        Answer changed = client.postJson(
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Brand-New-Passphrase-9\"}");

        assertProblem(weak, 400, "weak-password");
        assertThat(weak.json().get("detail").asString()).contains("commonly used");
        assertThat(weak.json().get("field").asString())
                .as("the request's member")
                .isEqualTo("newPassword");
        assertProblem(wrongCurrent, 401, "invalid-credentials");
        assertThat(changed.status()).isEqualTo(200);
        assertProblem(client.get("/api/v1/me"), 401, "invalid-token");
        assertProblem(refresh(tokens.get("refreshToken").asString()), 401, "invalid-token");
        assertProblem(
                anonymous.postJson(
                        "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"),
                401,
                "invalid-credentials");
        assertThat(anonymous
                        .withBearer(changed.json().get("accessToken").asString())
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
        assertSignedInAs(anonymous.login(username, "Brand-New-Passphrase-9"), username);
    }

    @Test
    void test_login_upgradesAHashMadeWithOlderParameters() {
        String username = newUser();
        // A hash as an earlier, cheaper configuration would have made it (4 MiB, one pass).
        String old = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
                .param("hash", old)
                .param("username", username)
                .update();

        anonymous.login(username, PASSWORD);
        String upgraded = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :username")
                .param("username", username)
                .query(String.class)
                .single();

        assertThat(old).contains("$m=4096,t=1,p=1$");
        assertThat(upgraded).startsWith("$argon2id$").contains("$m=19456,t=2,p=1$");
        assertSignedInAs(anonymous.login(username, PASSWORD), username);
    }

    @Test
    void test_register_isRefusedUnlessRegistrationIsOpen() {
        Answer answer = anonymous.postJson(
                "/api/v1/auth/register",
                "{\"username\":\"walk-in\",\"email\":\"w@example.com\",\"password\":\"Walk-In-Passphrase-3\"}");

        assertProblem(answer, 403, "registration-closed");
    }

    @Test
    void test_badLoginBodies_getProblemsAndChangeNothing() {
        assertProblem(anonymous.postJson("/api/v1/auth/login", "{\"username\":\"a\"}"), 400, "validation-failed");
        assertProblem(anonymous.postJson("/api/v1/auth/login", "{\"username\":"), 400, "malformed-body");
        assertProblem(
                anonymous.postJson(
                        "/api/v1/auth/login", "{\"username\":\"x\",\"password\":\"" + "p".repeat(1025) + "\"}"),
                400,
                "validation-failed");
        assertProblem(
                anonymous.postJson(
                        "/api/v1/auth/login", "{\"username\":\"admin' OR '1'='1\",\"password\":\"' OR 1=1; --\"}"),
                401,
                "invalid-credentials");
        assertProblem(refresh("sx_rt_' OR 1=1 --"), 401, "invalid-token");
        assertProblem(
                anonymous.postJson(
                        "/api/v1/auth/login",
                        "{\"username\":\"x\",\"password\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}"),
                413,
                "payload-too-large");
        assertProblem(
                anonymous.send(anonymous
                        .request("/api/v1/auth/login")
                        .header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("admin:admin"))
                        .build()),
                415,
                "unsupported-media-type");
    }
}
