package dev.sextant.marketdata.internal.news;

import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A news store on a database of its own, migrated from nothing by the real migrations: an in-memory
 * H2 in the server's PostgreSQL mode, or a fresh schema in the local PostgreSQL (dropped on close).
 */
public final class NewsDatabase implements AutoCloseable {

    public final NewsStore store;
    final JdbcClient jdbc;
    private final PostgresSchema schema;

    private NewsDatabase(DataSource dataSource, PostgresSchema schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.store = new NewsStore(
                JdbcClient.create(dataSource),
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource));
        this.jdbc = JdbcClient.create(dataSource);
        this.schema = schema;
    }

    public static NewsDatabase h2() {
        return new NewsDatabase(
                new DriverManagerDataSource(
                        "jdbc:h2:mem:news-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "sa",
                        ""),
                null);
    }

    public static NewsDatabase postgres() {
        PostgresSchema schema = new PostgresSchema();
        return new NewsDatabase(new DriverManagerDataSource(schema.url(), RequiresPostgres.USER, ""), schema);
    }

    @Override
    public void close() {
        if (schema != null) {
            schema.close();
        } else {
            jdbc.sql("SHUTDOWN").update();
        }
    }
}
