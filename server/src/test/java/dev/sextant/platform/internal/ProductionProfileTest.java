package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.SextantApplication;
import dev.sextant.platform.SecretSetting;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The prod profile refuses missing, default and weak secrets, and names the setting to fix. */
class ProductionProfileTest {

    private static final String STRONG_JWT_SECRET = "Xq3vT9-pLm2Rz8_Kw5Nf7Hc4Jb6Yd1Gs0Ae";
    private static final String MASTER_KEY = "q83Zr0n9T2wLxV4kYb6Hc1Jd5Fg7Ms8Pa3Qe2Ru9St0=";

    private static ConfigurableApplicationContext startProd(String databaseUrl, String password) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .profiles("prod")
                .properties(
                        "server.port=0",
                        "sextant.data-dir=target/test-data/prod-${random.uuid}",
                        "sextant.db.url=" + databaseUrl,
                        "sextant.db.username=" + RequiresPostgres.USER,
                        "sextant.db.password=" + password,
                        "sextant.identity.jwt-secret=" + STRONG_JWT_SECRET,
                        "sextant.master-key=" + MASTER_KEY)
                .run();
    }

    /** The prod server started: it answers over HTTP, healthy, on the database it was given. */
    private static void assertServesOn(ConfigurableApplicationContext context, String databaseType) {
        assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("prod");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpTestClient.Answer health = new HttpTestClient(port).get("/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode database = health.json().get("components").get("database");
        assertThat(database.get("status").asString()).isEqualTo("UP");
        assertThat(database.get("details").get("type").asString()).isEqualTo(databaseType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "postgres", "changeme", "short-Pw1", "aaaaaaaaaaaaaaaaaaaaaaaa"})
    void test_prod_refusesAWeakDatabasePassword(String password) {
        assertThatThrownBy(() -> startProd(RequiresPostgres.URL, password))
                .hasRootCauseInstanceOf(UnsafeConfigurationException.class)
                .rootCause()
                .hasMessageContaining("SEXTANT_DB_PASSWORD")
                .satisfies(failure -> {
                    if (!password.isEmpty()) {
                        assertThat(failure.getMessage()).doesNotContain(password);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sextant.identity.jwt-secret=changeme",
                "sextant.identity.jwt-secret=short-secret-1",
                "sextant.master-key=",
                "sextant.master-key=c2hvcnQ="
            })
    void test_prod_refusesWeakTokenAndMasterKeys(String weakSetting) {
        String variable =
                weakSetting.startsWith("sextant.master-key") ? "SEXTANT_MASTER_KEY" : "SEXTANT_IDENTITY_JWT_SECRET";

        assertThatThrownBy(() -> new SpringApplicationBuilder(SextantApplication.class)
                        .profiles("prod")
                        .properties(
                                "server.port=0",
                                "sextant.data-dir=target/test-data/prod-keys",
                                "sextant.identity.jwt-secret=" + STRONG_JWT_SECRET,
                                "sextant.master-key=" + MASTER_KEY,
                                weakSetting)
                        .run())
                .hasRootCauseInstanceOf(UnsafeConfigurationException.class)
                .rootCause()
                .hasMessageContaining(variable);
    }

    @Test
    void test_failureAnalysis_namesTheSettingAndHowToFixIt() {
        UnsafeConfigurationException failure =
                new UnsafeConfigurationException(List.of("SEXTANT_DB_PASSWORD is missing"));

        FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("SEXTANT_DB_PASSWORD is missing");
        assertThat(analysis.getAction()).contains("openssl rand");
    }

    @Test
    void test_weakness_judgesEachRule() {
        assertThat(ProductionSecretsGuard.weakness(new SecretSetting("X", null, true, 16)))
                .contains("X is missing");
        assertThat(ProductionSecretsGuard.weakness(new SecretSetting("X", "Password", true, 4)))
                .contains("X is a well-known default value");
        assertThat(ProductionSecretsGuard.weakness(new SecretSetting("X", "abcdefgh", true, 16)))
                .contains("X is too short: use at least 16 characters");
        assertThat(ProductionSecretsGuard.weakness(new SecretSetting("X", "abababababababababab", true, 16)))
                .contains("X is too repetitive: use a random value");
        assertThat(ProductionSecretsGuard.weakness(new SecretSetting("X", "q7Vx-2mLp9Rt_w4Zk8Nc", true, 16)))
                .isEmpty();
    }

    @Test
    void test_secretSetting_neverPrintsItsValue() {
        assertThat(new SecretSetting("X", "q7Vx-2mLp9Rt_w4Zk8Nc", true, 16).toString())
                .doesNotContain("q7Vx");
    }

    @Test
    void test_prod_withEmbeddedDatabase_needsNoDatabasePassword() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .profiles("prod")
                .properties(
                        "server.port=0",
                        "sextant.data-dir=target/test-data/prod-embedded-${random.uuid}",
                        "sextant.identity.jwt-secret=" + STRONG_JWT_SECRET,
                        "sextant.master-key=" + MASTER_KEY)
                .run()) {
            assertServesOn(context, "h2");
        }
    }

    @Nested
    @RequiresPostgres
    class WithPostgres {
        @Test
        void test_prod_startsWithAStrongPassword() {
            // The local PostgreSQL trusts local connections, so any password is accepted once the guard is satisfied.
            try (PostgresSchema schema = new PostgresSchema();
                    ConfigurableApplicationContext context = startProd(schema.url(), "q7Vx-2mLp9Rt_w4Zk8Nc")) {
                assertServesOn(context, "postgresql");
            }
        }
    }
}
