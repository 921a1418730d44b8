package dev.sextant.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.platform.UserId;
import dev.sextant.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rotating the master key re-wraps every data key while a server keeps serving the secrets. */
class MasterKeyRotationTest {

    private static ConfigurableApplicationContext server(String dataDir, String... properties) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .properties(properties)
                .run();
    }

    private static int command(String dataDir, String... properties) {
        return SpringApplication.exit(new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "sextant.data-dir=" + dataDir,
                        "spring.main.web-application-type=none",
                        "sextant.command=keys-rotate-master")
                .properties(properties)
                .run());
    }

    @Test
    void test_fileKeyRotation_whileTheServerRuns() throws Exception {
        String dataDir = "target/test-data/rotation-" + UUID.randomUUID();
        UserId owner = UserId.random();
        try (ConfigurableApplicationContext running = server(dataDir)) {
            Vault vault = running.getBean(Vault.class);
            JdbcClient jdbc = running.getBean(JdbcClient.class);
            Vault.StoredSecret first = vault.store(owner, "llm:openai", "a", "sk-first-0123456789abcd");
            Vault.StoredSecret second = vault.store(owner, "llm:groq", "b", "gsk_second_0123456789abcd");
            Path keyFile = Path.of(dataDir, MasterKeyring.KEY_FILE);
            String oldKey = Files.readString(keyFile).strip();
            String oldId = jdbc.sql("SELECT DISTINCT master_key_id FROM vault_secret")
                    .query(String.class)
                    .single();

            int exit = command(dataDir);

            List<String> ids = jdbc.sql("SELECT DISTINCT master_key_id FROM vault_secret")
                    .query(String.class)
                    .list();
            assertThat(exit).isZero();
            assertThat(ids).hasSize(1).doesNotContain(oldId);
            assertThat(Files.readString(keyFile).strip()).isNotEqualTo(oldKey);
            assertThat(Files.readString(Path.of(dataDir, MasterKeyring.PREVIOUS_FILE)))
                    .contains(oldKey);
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            // The running server never restarted: it reads the new key file when it meets the new key id.
            assertThat(vault.reveal(owner, first.id(), "llm:openai")).contains("sk-first-0123456789abcd");
            assertThat(vault.reveal(owner, second.id(), "llm:groq")).contains("gsk_second_0123456789abcd");
            Vault.StoredSecret third = vault.store(owner, "llm:gemini", "c", "AIza-third-0123456789");
            assertThat(jdbc.sql("SELECT master_key_id FROM vault_secret WHERE id = :id")
                            .param("id", third.id())
                            .query(String.class)
                            .single())
                    .as("a secret stored after the rotation is wrapped by the new key")
                    .isEqualTo(ids.getFirst());
            assertThat(vault.reveal(owner, third.id(), "llm:gemini")).contains("AIza-third-0123456789");
        }
    }

    @Test
    void test_configuredKeyRotation_rewrapsUnderTheNewKey() {
        String dataDir = "target/test-data/rotation-config-" + UUID.randomUUID();
        String oldKey = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        String newKey = Base64.getEncoder().encodeToString(fresh);
        UserId owner = UserId.random();
        UUID id;
        try (ConfigurableApplicationContext before = server(dataDir, "sextant.master-key=" + oldKey)) {
            id = before.getBean(Vault.class)
                    .store(owner, "provider:fmp", "k", "fmp-0123456789abcdef")
                    .id();
        }

        int exit = command(dataDir, "sextant.master-key=" + newKey, "sextant.master-key-previous=" + oldKey);

        try (ConfigurableApplicationContext after = server(dataDir, "sextant.master-key=" + newKey)) {
            assertThat(exit).isZero();
            assertThat(after.getBean(Vault.class).reveal(owner, id, "provider:fmp"))
                    .contains("fmp-0123456789abcdef");
            assertThat(Set.copyOf(after.getBean(JdbcClient.class)
                            .sql("SELECT master_key_id FROM vault_secret")
                            .query(String.class)
                            .list()))
                    .hasSize(1);
        }
    }
}
