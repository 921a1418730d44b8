package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Self-registration on a server with {@code SEXTANT_REGISTRATION=open}. */
@TestPropertySource(properties = "sextant.registration=open")
class OpenRegistrationHttpTest extends ServerHttpTest {

    @Test
    void test_register_createsAnAccountThatSignsIn() {
        String username = unique("walk-in");

        Answer registered = anonymous.postJson(
                "/api/v1/auth/register",
                "{\"username\":\"" + username
                        + "\",\"email\":\"w@example.com\",\"password\":\"Walk-In-Passphrase-3\"}");

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode me = anonymous
                .withBearer(anonymous
                        .login(username, "Walk-In-Passphrase-3")
                        .get("accessToken")
                        .asString())
                .get("/api/v1/me")
                .json();
        assertThat(me.get("id").asString())
                .as("the id the registration answered")
                .isEqualTo(registered.json().get("id").asString());
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(me.get("roles").toString())
                .as("a walk-in is an ordinary user")
                .isEqualTo("[\"user\"]");
    }

    @Test
    void test_aWeakPassword_isRefused_namingTheRequestsField() {
        Answer weak = anonymous.postJson(
                "/api/v1/auth/register", "{\"username\":\"" + unique("weakling") + "\",\"password\":\"password123\"}");

        assertThat(weak.status()).as(weak.body()).isEqualTo(400);
        assertThat(weak.json().get("type").asString()).isEqualTo("urn:sextant:problem:weak-password");
        assertThat(weak.json().get("field").asString()).isEqualTo("password");
    }
}
