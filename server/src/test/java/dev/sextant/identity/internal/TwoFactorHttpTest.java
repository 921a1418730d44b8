package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.support.TotpCodes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Two-factor sign-in (TOTP): set-up, the two-step sign-in, replay, recovery codes, and admins' duty. */
class TwoFactorHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    private Answer secondStep(String ticket, String code) {
        return anonymous.postJson(
                "/api/v1/auth/login/mfa", "{\"mfaToken\":\"" + ticket + "\",\"code\":\"" + code + "\"}");
    }

    private String ticket(String username) {
        JsonNode first = anonymous.login(username, PASSWORD);
        assertThat(first.get("mfaRequired").asBoolean()).isTrue();
        assertThat(first.has("accessToken")).isFalse();
        return first.get("mfaToken").asString();
    }

    @Test
    void test_me_saysWhetherTwoFactorSignInIsOn() {
        HttpTestClient client = signedInAs(unique("twofa-me"), Role.USER);
        assertThat(client.get("/api/v1/me").json().get("twoFactorEnabled").asBoolean())
                .isFalse();

        enableSecondFactor(client);

        assertThat(client.get("/api/v1/me").json().get("twoFactorEnabled").asBoolean())
                .isTrue();
    }

    @Test
    void test_signIn_needsTheSecondFactorOnceEnabled() {
        String username = unique("twofa");
        HttpTestClient client = signedInAs(username, Role.USER);
        String secret = enableSecondFactor(client);

        String ticket = ticket(username);
        Answer wrong = secondStep(ticket, "000000".equals(TotpCodes.at(secret, 0)) ? "111111" : "000000");
        Answer right = secondStep(ticket, TotpCodes.at(secret, 0));
        Answer replayed = secondStep(ticket(username), TotpCodes.at(secret, 0));
        Answer next = secondStep(ticket(username), TotpCodes.at(secret, 1));

        assertWrongCode(wrong);
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(anonymous
                        .withBearer(right.json().get("accessToken").asString())
                        .get("/api/v1/quotes/AAPL")
                        .status())
                .isEqualTo(200);
        assertThat(replayed.status()).as("a code works once").isEqualTo(401);
        assertWrongCode(replayed);
        assertThat(next.status()).isEqualTo(200);
    }

    /** A 401 invalid-credentials naming the code as what was wrong. */
    private static void assertWrongCode(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-credentials");
        assertThat(answer.json().get("detail").asString()).isEqualTo("That code is not valid.");
        assertThat(answer.json().get("field").asString()).isEqualTo("code");
    }

    @Test
    void test_recoveryCodes_workOnceEach() {
        String username = unique("lostphone");
        HttpTestClient client = signedInAs(username, Role.USER);
        Answer setup = client.send(client.request("/api/v1/me/2fa/setup")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        String secret = setup.json().get("secret").asString();
        Answer enabled = client.postJson("/api/v1/me/2fa/enable", "{\"code\":\"" + TotpCodes.at(secret, 0) + "\"}");
        JsonNode codes = enabled.json().get("recoveryCodes");
        String recovery = codes.get(3).asString();

        Answer first = secondStep(ticket(username), recovery.toUpperCase());
        Answer again = secondStep(ticket(username), recovery);

        assertThat(setup.json().get("otpauthUri").asString())
                .startsWith("otpauth://totp/Sextant:" + username)
                .contains("secret=" + secret);
        assertThat(codes).hasSize(10);
        assertThat(first.status()).isEqualTo(200);
        assertWrongCode(again);
    }

    @Test
    void test_tickets_andAccessTokens_cannotStandInForEachOther() {
        String username = unique("tickets");
        HttpTestClient client = signedInAs(username, Role.USER);
        enableSecondFactor(client);
        String ticket = ticket(username);

        Answer ticketAsToken = anonymous.withBearer(ticket).get("/api/v1/me");
        Answer tokenAsTicket =
                secondStep(http.login("suite-user", PASSWORD).get("accessToken").asString(), "123456");

        assertThat(ticketAsToken.status()).isEqualTo(401);
        assertThat(ticketAsToken.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-token");
        assertThat(tokenAsTicket.status()).isEqualTo(401);
        assertThat(tokenAsTicket.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-token");
        assertThat(tokenAsTicket.json().get("detail").asString())
                .isEqualTo("The sign-in ticket is invalid or expired. Sign in again.");
    }

    @Test
    void test_administrators_mustEnableItAndCannotTurnItOff() {
        String username = unique("newadmin");
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.ADMIN), false);
        HttpTestClient admin = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());

        Answer before = admin.get("/api/v1/admin/audit");
        Answer me = admin.get("/api/v1/me");
        String secret = enableSecondFactor(admin);
        Answer after = admin.get("/api/v1/admin/audit");
        Answer turnOff = admin.postJson("/api/v1/me/2fa/disable", "{\"code\":\"" + TotpCodes.at(secret, 1) + "\"}");

        assertThat(before.status()).isEqualTo(403);
        assertThat(before.json().get("type").asString()).isEqualTo("urn:sextant:problem:two-factor-required");
        assertThat(me.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(200);
        assertThat(turnOff.status()).isEqualTo(403);
        assertThat(turnOff.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(turnOff.json().get("detail").asString())
                .isEqualTo("Two-factor sign-in is mandatory for administrators.");
        assertThat(admin.get("/api/v1/me").json().get("twoFactorEnabled").asBoolean())
                .as("still on")
                .isTrue();
    }

    @Test
    void test_users_canTurnItOffWithACode() {
        String username = unique("optout");
        HttpTestClient client = signedInAs(username, Role.USER);
        String secret = enableSecondFactor(client);

        Answer wrong = client.postJson("/api/v1/me/2fa/disable", "{\"code\":\"12345\"}");
        Answer off = client.postJson("/api/v1/me/2fa/disable", "{\"code\":\"" + TotpCodes.at(secret, 0) + "\"}");

        assertWrongCode(wrong);
        assertThat(off.status()).isEqualTo(204);
        JsonNode signIn = anonymous.login(username, PASSWORD);
        assertThat(signIn.has("mfaRequired") && signIn.get("mfaRequired").asBoolean())
                .as("one step again: " + signIn)
                .isFalse();
        assertThat(anonymous
                        .withBearer(signIn.get("accessToken").asString())
                        .get("/api/v1/me")
                        .json()
                        .get("twoFactorEnabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void test_totpSecret_isEncryptedAndNotAmongTheUsersKeys() {
        String username = unique("hidden");
        HttpTestClient client = signedInAs(username, Role.USER);
        String secret = enableSecondFactor(client);

        assertThat(client.get("/api/v1/me/secrets").json().get("secrets")).isEmpty();
        assertThat(jdbc.sql("SELECT * FROM vault_secret").query().listOfRows().toString())
                .doesNotContain(secret);
        assertThat(jdbc.sql("SELECT code_hash FROM recovery_code WHERE user_id = "
                                + "(SELECT id FROM app_user WHERE username = :username)")
                        .param("username", username)
                        .query(String.class)
                        .list())
                .as("this account's recovery codes, as keyed SHA-256 hashes")
                .hasSize(TwoFactor.RECOVERY_CODES)
                .allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    }
}
