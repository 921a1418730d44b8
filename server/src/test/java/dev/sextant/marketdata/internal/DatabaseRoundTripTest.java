package dev.sextant.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.audit.AuditIntegrity;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.identity.Role;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same build on both databases: the full migration set runs from an empty database, the
 * repository round-trips a record, and the server serves from it.
 */
class DatabaseRoundTripTest {

    private static void migrateStoreAndServe(String databaseType, String... properties) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0")
                .properties(properties)
                .run()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql(
                                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")
                            .query(Integer.class)
                            .single())
                    .as("every migration applied")
                    .isEqualTo(migrationCount());

            InstrumentRepository repository = context.getBean(InstrumentRepository.class);
            Instrument imported = new Instrument(
                    "RT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    "Round Trip Ltd. 'quoted' \"name\"",
                    "TEST",
                    AssetClass.EQUITY,
                    "EUR",
                    "import",
                    false);
            assertThat(repository.addIfAbsent(imported, Instant.now())).isTrue();
            assertThat(repository.addIfAbsent(imported, Instant.now()))
                    .as("second add of one symbol")
                    .isFalse();
            assertThat(repository.findBySymbol(imported.symbol())).contains(imported);
            assertThat(repository.findAll())
                    .contains(imported)
                    .filteredOn(Instrument::demo)
                    .hasSize(DemoCatalog.instruments().size());

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            context.getBean(AccountAdministration.class)
                    .createAccount("round-trip", null, "Migrate-And-Serve-42", Set.of(Role.USER), false);
            HttpTestClient anonymous = new HttpTestClient(port);
            HttpTestClient http = anonymous.withBearer(anonymous
                    .login("round-trip", "Migrate-And-Serve-42")
                    .get("accessToken")
                    .asString());
            assertThat(http.get("/api/v1/bars/AAPL?from=2024-01-02&to=2024-01-05")
                            .json()
                            .get("bars")
                            .size())
                    .isEqualTo(4);
            assertThat(context.getBean(AuditIntegrity.class).verify().intact())
                    .as("the audit chain reads back identically (timestamp precision, text)")
                    .isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_SUCCEEDED'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(anonymous
                            .get("/health")
                            .json()
                            .get("components")
                            .get("database")
                            .get("details")
                            .get("type")
                            .asString())
                    .isEqualTo(databaseType);
        }
    }

    private static int migrationCount() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void test_embeddedH2_migratesStoresAndServes() {
        migrateStoreAndServe("h2", "sextant.data-dir=target/test-data/h2-" + UUID.randomUUID());
    }

    @Nested
    @RequiresPostgres
    class OnPostgres {
        @Test
        void test_postgres_migratesStoresAndServes() {
            try (PostgresSchema schema = new PostgresSchema()) {
                migrateStoreAndServe(
                        "postgresql", "sextant.db.url=" + schema.url(), "sextant.db.username=" + RequiresPostgres.USER);
            }
        }
    }
}
