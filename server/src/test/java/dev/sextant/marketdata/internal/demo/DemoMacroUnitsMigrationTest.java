package dev.sextant.marketdata.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A catalog written before the demo macro series had their units gets them on upgrade. */
@RequiresPostgres
class DemoMacroUnitsMigrationTest {

    @Test
    void test_demoMacroRowsFromBefore_getTheirUnits_andOthersKeepTheirs() {
        try (PostgresSchema schema = new PostgresSchema()) {
            DriverManagerDataSource database = new DriverManagerDataSource(schema.url(), RequiresPostgres.USER, "");
            Flyway.configure()
                    .dataSource(database)
                    .schemas(schema.name())
                    .target("11")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(database);
            Map<String, String> rows =
                    Map.of("US10Y", "demo", "CPI", "demo", "VIX", "demo", "AAPL", "demo", "GDP", "fred");
            rows.forEach((symbol, provider) -> jdbc.sql(
                            "INSERT INTO instrument (symbol, name, exchange, asset_class, currency, provider, demo, "
                                    + "created_at) VALUES (:symbol, :symbol, 'X', 'MACRO', 'USD', :provider, :demo, "
                                    + "CURRENT_TIMESTAMP)")
                    .param("symbol", symbol)
                    .param("provider", provider)
                    .param("demo", provider.equals("demo"))
                    .update());

            Flyway.configure()
                    .dataSource(database)
                    .schemas(schema.name())
                    .load()
                    .migrate();

            Map<String, String> expected =
                    Map.of("US10Y", "PCT", "CPI", "IDX", "VIX", "IDX", "AAPL", "USD", "GDP", "USD");
            expected.forEach((symbol, unit) -> assertThat(jdbc.sql("SELECT currency FROM instrument WHERE symbol = :s")
                            .param("s", symbol)
                            .query(String.class)
                            .single())
                    .as(symbol)
                    .isEqualTo(unit));
        }
    }
}
