package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.support.TotpCodes;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the web app's sign-in and account pages read and set beyond sign-in itself: whether the
 * server takes registrations, the scopes a key can hold, each user's own preferences, and new
 * recovery codes.
 */
class AccountSettingsHttpTest extends ServerHttpTest {

    private static Answer put(HttpTestClient client, String path, String json) {
        return client.send(client.request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static String preferences(String region, boolean history, boolean metrics) {
        return "{\"region\":\"" + region + "\",\"keepQueryHistory\":" + history + ",\"shareUsageMetrics\":" + metrics
                + "}";
    }

    @Test
    void test_options_sayRegistrationIsClosed_onAnInvitationServer_withoutSigningIn() {
        Answer options = anonymous.get("/api/v1/auth/options");

        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.json().get("registration").asString()).isEqualTo("closed");
        assertThat(options.json().get("administratorsCreateAccounts").asBoolean())
                .isTrue();
        Answer refused = anonymous.postJson(
                "/api/v1/auth/register",
                "{\"username\":\"" + unique("walk-in") + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(refused.status()).as("what the options said").isEqualTo(403);
    }

    @Test
    void test_scopes_listEveryScope_grantableByTheAccountsRole() {
        JsonNode user = http.get("/api/v1/me/api-keys/scopes").json().get("scopes");
        JsonNode admin = signedInAs(unique("scope-admin"), Role.ADMIN)
                .get("/api/v1/me/api-keys/scopes")
                .json()
                .get("scopes");

        assertThat(user).hasSize(5);
        assertThat(user.get(0).get("name").asString()).isEqualTo("marketdata:read");
        assertThat(user.get(0).get("grantable").asBoolean()).isTrue();
        assertThat(user.get(4).get("name").asString()).isEqualTo("admin");
        assertThat(user.get(4).get("grantable").asBoolean())
                .as("a user cannot put admin on a key")
                .isFalse();
        assertThat(admin.get(4).get("grantable").asBoolean()).isTrue();
        Answer refused = http.postJson("/api/v1/me/api-keys", "{\"name\":\"sneaky\",\"scopes\":[\"admin\"]}");
        assertThat(refused.status()).as("what grantable said").isEqualTo(403);
    }

    @Test
    void test_preferences_startAtTheDefaults_andKeepWhatWasSaved() {
        HttpTestClient alice = signedInAs(unique("prefs"), Role.USER);

        JsonNode before = alice.get("/api/v1/me/preferences").json();
        Answer saved = put(alice, "/api/v1/me/preferences", preferences("jp", false, true));
        JsonNode after = alice.get("/api/v1/me/preferences").json();
        Answer changedAgain = put(alice, "/api/v1/me/preferences", preferences("CH", true, false));

        assertThat(before.get("region").asString()).isEqualTo("US");
        assertThat(before.get("keepQueryHistory").asBoolean()).isTrue();
        assertThat(before.get("shareUsageMetrics").asBoolean())
                .as("nothing shared unless chosen")
                .isFalse();
        assertThat(before.get("updatedAt").isNull()).isTrue();
        assertThat(before.get("regions").toString())
                .isEqualTo("[\"US\",\"EU\",\"UK\",\"JP\",\"CA\",\"AU\",\"SG\",\"CH\",\"OTHER\"]");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(after.get("region").asString()).isEqualTo("JP");
        assertThat(after.get("keepQueryHistory").asBoolean()).isFalse();
        assertThat(after.get("shareUsageMetrics").asBoolean()).isTrue();
        assertThat(after.get("updatedAt").isNull()).isFalse();
        assertThat(changedAgain.json().get("region").asString()).isEqualTo("CH");
        assertThat(alice.get("/api/v1/me/preferences")
                        .json()
                        .get("keepQueryHistory")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void test_preferences_areTheCallersOwn_noOtherUserReadsOrChangesThem() {
        HttpTestClient alice = signedInAs(unique("prefs-alice"), Role.USER);
        HttpTestClient mallory = signedInAs(unique("prefs-mallory"), Role.USER);
        String aliceId = alice.get("/api/v1/me").json().get("id").asString();
        put(alice, "/api/v1/me/preferences", preferences("SG", false, true));

        JsonNode seenByMallory =
                mallory.get("/api/v1/me/preferences?user=" + aliceId).json();
        Answer malloryWrites =
                put(mallory, "/api/v1/me/preferences?user=" + aliceId, preferences("OTHER", true, false));
        String aliceKey = alice.postJson("/api/v1/me/api-keys", "{\"name\":\"p\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();
        Answer withKey = put(
                anonymous.withHeader("X-API-Key", aliceKey), "/api/v1/me/preferences", preferences("EU", true, true));

        assertThat(seenByMallory.get("region").asString())
                .as("Mallory sees her own defaults, not Alice's")
                .isEqualTo("US");
        assertThat(malloryWrites.status()).isEqualTo(200);
        assertThat(withKey.status()).as("an API key cannot change them").isEqualTo(403);
        JsonNode alices = alice.get("/api/v1/me/preferences").json();
        assertThat(alices.get("region").asString()).isEqualTo("SG");
        assertThat(alices.get("shareUsageMetrics").asBoolean()).isTrue();
        assertThat(mallory.get("/api/v1/me/preferences").json().get("region").asString())
                .isEqualTo("OTHER");
    }

    @Test
    void test_preferences_refuseAnUnknownRegion_orAMissingChoice_namingTheField() {
        Answer region = put(http, "/api/v1/me/preferences", preferences("Atlantis", true, false));
        Answer missing = put(http, "/api/v1/me/preferences", "{\"region\":\"EU\",\"keepQueryHistory\":true}");

        assertThat(region.status()).as(region.body()).isEqualTo(400);
        assertThat(region.json().get("parameter").asString()).isEqualTo("region");
        assertThat(region.json().get("detail").asString()).contains("US, EU, UK, JP, CA, AU, SG, CH, OTHER");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("shareUsageMetrics");
    }

    @Test
    void test_newRecoveryCodes_replaceTheOldOnes() {
        String username = unique("recodes");
        HttpTestClient client = signedInAs(username, Role.USER);
        Answer setup = client.send(client.request("/api/v1/me/2fa/setup")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        String secret = setup.json().get("secret").asString();
        String oldCode = client.postJson("/api/v1/me/2fa/enable", "{\"code\":\"" + TotpCodes.at(secret, -1) + "\"}")
                .json()
                .get("recoveryCodes")
                .get(0)
                .asString();

        Answer wrong = client.postJson("/api/v1/me/2fa/recovery-codes", "{\"code\":\"12345\"}");
        Answer replaced =
                client.postJson("/api/v1/me/2fa/recovery-codes", "{\"code\":\"" + TotpCodes.at(secret, 0) + "\"}");
        String newCode = replaced.json().get("recoveryCodes").get(5).asString();

        assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
        assertThat(wrong.json().get("field").asString()).isEqualTo("code");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("recoveryCodes")).hasSize(10);
        assertThat(secondStep(username, oldCode).status())
                .as("an old code stopped working")
                .isEqualTo(401);
        assertThat(secondStep(username, newCode).status())
                .as("a new code signs in")
                .isEqualTo(200);
    }

    @Test
    void test_recoveryCodes_needTwoFactorSignInOn() {
        Answer answer = http.postJson("/api/v1/me/2fa/recovery-codes", "{\"code\":\"123456\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:two-factor-not-set-up");
    }

    private Answer secondStep(String username, String code) {
        String ticket = anonymous.login(username, PASSWORD).get("mfaToken").asString();
        return anonymous.postJson(
                "/api/v1/auth/login/mfa", "{\"mfaToken\":\"" + ticket + "\",\"code\":\"" + code + "\"}");
    }
}
