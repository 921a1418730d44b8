package dev.sextant.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Users' provider keys: encrypted at rest, bound to their owner, shown only masked, and never in
 * a log, an error or an answer, which a planted canary key proves across every path that touches it.
 */
@ExtendWith(OutputCaptureExtension.class)
class VaultHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    private static String storeBody(String purpose, String name, String value) {
        return "{\"purpose\":\"" + purpose + "\",\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
    }

    @Test
    void test_storedKey_isEncryptedAtRestAndShownMasked() {
        HttpTestClient owner = signedInAs(unique("byok"), Role.USER);
        String key = "sk-proj-" + UUID.randomUUID().toString().replace("-", "") + "wxyz";

        Answer stored = owner.postJson("/api/v1/me/secrets", storeBody("llm:openai", "personal", key));
        UUID id = UUID.fromString(stored.json().get("id").asString());
        Map<String, Object> row = jdbc.sql("SELECT * FROM vault_secret WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().get("masked").asString()).isEqualTo("sk-...wxyz");
        assertThat(row.toString()).doesNotContain(key).doesNotContain(key.substring(8, 30));
        // AES-256-GCM: a 12-byte nonce, the sealed bytes (as long as the plaintext), a 16-byte tag.
        assertThat(Base64.getDecoder().decode(row.get("ciphertext").toString()))
                .hasSize(12 + key.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(Base64.getDecoder().decode(row.get("wrapped_key").toString()))
                .as("a 256-bit data key, sealed the same way")
                .hasSize(12 + 32 + 16);
        assertThat(owner.get("/api/v1/me/secrets").body()).doesNotContain(key).contains("sk-...wxyz");
    }

    @Test
    void test_ciphertext_isBoundToItsOwnerAndPurpose() {
        UserId alice = UserId.random();
        UserId mallory = UserId.random();
        Vault.StoredSecret secret = vault.store(alice, "provider:polygon", "main", "pk_live_0123456789abcdef");
        Vault.StoredSecret decoy = vault.store(mallory, "provider:polygon", "main", "pk_live_mallory_own_value");

        // Mallory copies Alice's ciphertext and wrapped key into her own row.
        jdbc.sql("UPDATE vault_secret SET ciphertext = (SELECT ciphertext FROM vault_secret WHERE id = :alice), "
                        + "wrapped_key = (SELECT wrapped_key FROM vault_secret WHERE id = :alice) WHERE id = :mallory")
                .param("alice", secret.id())
                .param("mallory", decoy.id())
                .update();

        assertThat(vault.reveal(alice, secret.id(), "provider:polygon")).contains("pk_live_0123456789abcdef");
        assertThat(vault.reveal(alice, secret.id(), "llm:openai"))
                .as("another purpose")
                .isEmpty();
        assertThat(vault.reveal(mallory, secret.id(), "provider:polygon"))
                .as("another owner")
                .isEmpty();
        assertThat(vault.reveal(mallory, decoy.id(), "provider:polygon"))
                .as("a copied ciphertext")
                .isEmpty();
    }

    @Test
    void test_secrets_areTheirOwnersOnly() {
        HttpTestClient owner = signedInAs(unique("alice"), Role.USER);
        HttpTestClient other = signedInAs(unique("bob"), Role.USER);
        String id = owner.postJson("/api/v1/me/secrets", storeBody("llm:anthropic", "work", "sk-ant-api03-abcdefghijk"))
                .json()
                .get("id")
                .asString();

        Answer othersDelete =
                other.send(other.request("/api/v1/me/secrets/" + id).DELETE().build());

        assertThat(othersDelete.status()).isEqualTo(404);
        assertThat(othersDelete.json().get("type").asString())
                .as("as if the secret did not exist")
                .isEqualTo("urn:sextant:problem:not-found");
        assertThat(other.get("/api/v1/me/secrets").json().get("secrets")).isEmpty();
        assertThat(owner.get("/api/v1/me/secrets").json().get("secrets")).hasSize(1);
        assertThat(owner.send(owner.request("/api/v1/me/secrets/" + id).DELETE().build())
                        .status())
                .isEqualTo(204);
        assertThat(owner.get("/api/v1/me/secrets").json().get("secrets")).isEmpty();
    }

    @Test
    void test_canaryKey_neverLeaksIntoLogsErrorsOrAnswers(CapturedOutput output) {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("dev.sextant", LogLevel.DEBUG);
        String canary = "sk-CANARY-" + UUID.randomUUID().toString().replace("-", "");
        HttpTestClient owner = signedInAs(unique("canary"), Role.USER);
        List<Answer> answers = new ArrayList<>();

        Answer stored = owner.postJson("/api/v1/me/secrets", storeBody("llm:openai", "canary", canary));
        answers.add(stored);
        answers.add(owner.postJson("/api/v1/me/secrets", storeBody("llm:openai", "canary", canary)));
        answers.add(owner.postJson("/api/v1/me/secrets", storeBody("BAD PURPOSE", "x", canary)));
        answers.add(owner.postJson(
                "/api/v1/me/secrets",
                "{\"purpose\":\"llm:openai\",\"name\":\"y\",\"value\":\"" + canary + "\", \"extra\": [}"));
        answers.add(owner.postJson("/api/v1/me/secrets", storeBody("llm:openai", "n".repeat(101), canary)));
        answers.add(owner.postJson("/api/v1/me/secrets", storeBody("llm:openai", "long", canary.repeat(200))));
        answers.add(owner.get("/api/v1/me/secrets"));
        answers.add(anonymous.postJson("/api/v1/me/secrets", storeBody("llm:openai", "anon", canary)));
        answers.add(
                owner.postJson("/api/v1/auth/login", "{\"username\":\"nobody-here\",\"password\":\"" + canary + "\"}"));
        answers.add(anonymous.send(anonymous
                .request("/api/v1/me")
                .header("Authorization", "Bearer " + canary)
                .GET()
                .build()));
        answers.add(anonymous.send(anonymous
                .request("/api/v1/me")
                .header("X-API-Key", canary)
                .GET()
                .build()));
        UserId ownerId = UserId.of(owner.get("/api/v1/me").json().get("id").asString());
        assertThat(vault.reveal(ownerId, "llm:openai", "canary")).contains(canary);
        answers.add(owner.send(
                owner.request("/api/v1/me/secrets/" + stored.json().get("id").asString())
                        .DELETE()
                        .build()));

        // Case-insensitive: a lower-cased copy is a leak too.
        String needle = canary.substring(3, 20).toLowerCase(java.util.Locale.ROOT);
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.body().toLowerCase(java.util.Locale.ROOT))
                        .doesNotContain(needle));
        assertThat(answers.get(1).status()).isEqualTo(409);
        assertThat(answers.get(1).json().get("type").asString()).isEqualTo("urn:sextant:problem:secret-exists");
        assertThat(output.getAll().toLowerCase(java.util.Locale.ROOT)).doesNotContain(needle);
        assertThat(jdbc.sql("SELECT * FROM audit_event")
                        .query()
                        .listOfRows()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT))
                .doesNotContain(needle);
        assertThat(jdbc.sql("SELECT * FROM vault_secret")
                        .query()
                        .listOfRows()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT))
                .doesNotContain(needle);
    }

    @Test
    void test_badSecretRequests_getProblems() {
        HttpTestClient owner = signedInAs(unique("sloppy-vault"), Role.USER);
        String key = owner.postJson("/api/v1/me/api-keys", "{\"name\":\"k\",\"scopes\":[\"analysis\"]}")
                .json()
                .get("key")
                .asString();

        Answer viaApiKey = anonymous.send(anonymous
                .request("/api/v1/me/secrets")
                .header("X-API-Key", key)
                .GET()
                .build());
        JsonNode badPurpose = owner.postJson("/api/v1/me/secrets", storeBody("LLM OpenAI", "x", "sk-123456789012345"))
                .json();

        assertThat(viaApiKey.status()).isEqualTo(403);
        assertThat(viaApiKey.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(viaApiKey.json().get("detail").asString())
                .isEqualTo("API keys cannot do this, whatever their scopes: sign in with your password.");
        assertThat(badPurpose.get("parameter").asString()).isEqualTo("purpose");
        assertThat(owner.get("/api/v1/me/secrets").json().get("secrets")).isEmpty();
    }
}
