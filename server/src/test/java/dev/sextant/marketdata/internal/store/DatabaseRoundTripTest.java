package dev.sextant.marketdata.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.audit.AuditIntegrity;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.marketdata.internal.demo.DemoCatalog;
import dev.sextant.marketdata.internal.imports.ImportOwners;
import dev.sextant.marketdata.internal.provider.FundamentalFact;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.Instant;
import java.util.List;
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

            ImportOwners owners = context.getBean(ImportOwners.class);
            UUID owner = UUID.randomUUID();
            assertThat(owners.ownerOf(imported.symbol()))
                    .as("an import from before owners")
                    .isEmpty();
            assertThat(owners.claim(imported.symbol(), owner, Instant.now())).isTrue();
            assertThat(owners.claim(imported.symbol(), UUID.randomUUID(), Instant.now()))
                    .as("a second claim of one symbol")
                    .isFalse();
            assertThat(owners.ownerOf(imported.symbol())).contains(owner);

            BarStore bars = context.getBean(BarStore.class);
            Instant firstSeen = Instant.parse("2025-06-10T21:00:00Z");
            Instant restatedAt = Instant.parse("2025-06-11T09:00:00.123456Z");
            bars.write(imported.symbol(), BarInterval.ONE_DAY, "user:x", oneBar(101.5), "test", firstSeen);
            BarStore.Written restated =
                    bars.write(imported.symbol(), BarInterval.ONE_DAY, "user:x", oneBar(101.75), "test", restatedAt);
            assertThat(restated).isEqualTo(new BarStore.Written(0, 1, restatedAt));
            assertThat(bars.read(imported.symbol(), BarInterval.ONE_DAY, "user:x", 0, Long.MAX_VALUE / 2, firstSeen)
                            .close(0))
                    .as("as known before the restatement")
                    .isEqualTo(101.5);
            assertThat(bars.read(imported.symbol(), BarInterval.ONE_DAY, "user:x", 0, Long.MAX_VALUE / 2, restatedAt)
                            .close(0))
                    .isEqualTo(101.75);
            assertThat(bars.read(
                                    imported.symbol(),
                                    BarInterval.ONE_DAY,
                                    BarStore.PUBLIC,
                                    0,
                                    Long.MAX_VALUE / 2,
                                    restatedAt)
                            .isEmpty())
                    .as("another scope sees nothing")
                    .isTrue();
            BarSnapshots snapshots = context.getBean(BarSnapshots.class);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (snapshots.storing() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(jdbc.sql("SELECT bar_count FROM bar_snapshot WHERE symbol = ? AND scope = 'user:x'")
                            .param(imported.symbol())
                            .query(Integer.class)
                            .single())
                    .as("the read as of the restatement came from a snapshot of the series")
                    .isEqualTo(1);

            FundamentalStore facts = context.getBean(FundamentalStore.class);
            java.time.LocalDate end = java.time.LocalDate.of(2024, 6, 29);
            java.time.LocalDate filed = java.time.LocalDate.of(2024, 8, 2);
            // A fact stored before periods were (V21 kept it with a null start), reported again with its start.
            jdbc.sql("INSERT INTO fundamental_fact (symbol, concept, unit, period_start, period_end, fiscal_period, "
                            + "filed, fact_value, known_at, provider) VALUES (?, 'EarningsPerShareDiluted', "
                            + "'USD/shares', NULL, ?, 'Q3', ?, 5.11, ?, 'edgar')")
                    .params(
                            imported.symbol(),
                            java.sql.Date.valueOf(end),
                            java.sql.Date.valueOf(filed),
                            java.sql.Timestamp.from(firstSeen))
                    .update();
            List<FundamentalFact> tenQ = List.of(
                    new FundamentalFact(
                            "EarningsPerShareDiluted",
                            "USD/shares",
                            1.40,
                            java.time.LocalDate.of(2024, 3, 31),
                            end,
                            "Q3",
                            filed),
                    new FundamentalFact(
                            "EarningsPerShareDiluted",
                            "USD/shares",
                            5.11,
                            java.time.LocalDate.of(2023, 10, 1),
                            end,
                            "Q3",
                            filed),
                    new FundamentalFact("StockholdersEquity", "USD", 66.7e9, null, end, "Q3", filed));
            assertThat(facts.write(imported.symbol(), tenQ, "edgar", restatedAt))
                    .isEqualTo(3);
            assertThat(facts.write(imported.symbol(), tenQ, "edgar", restatedAt))
                    .as("the same filing again adds nothing")
                    .isZero();
            assertThat(facts.read(imported.symbol(), filed, Set.of()))
                    .as("the quarter and the nine months to the same day, and the balance; the legacy row replaced")
                    .extracting(f -> f.concept() + " " + f.periodStart() + ".." + f.periodEnd() + "=" + f.value())
                    .containsExactlyInAnyOrder(
                            "EarningsPerShareDiluted 2023-10-01..2024-06-29=5.11",
                            "EarningsPerShareDiluted 2024-03-31..2024-06-29=1.4",
                            "StockholdersEquity null..2024-06-29=6.67E10");
            assertThat(facts.read(imported.symbol(), filed.minusDays(1), Set.of()))
                    .as("nothing before its filing date")
                    .isEmpty();

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

    private static OhlcvSeries oneBar(double close) {
        return OhlcvSeries.builder(1)
                .add(1_749_513_600L, 100, 102, 99, close, 1_000)
                .build();
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
                        "postgresql",
                        "sextant.db.url=" + schema.url(),
                        "sextant.db.username=" + RequiresPostgres.USER,
                        // Keys and state of its own, never the source tree's ./data.
                        "sextant.data-dir=target/test-data/pg-" + UUID.randomUUID());
            }
        }
    }
}
