package dev.sextant.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty schema in the local PostgreSQL's {@code test} database, dropped on close, so that
 * each test migrates from nothing and leaves nothing behind.
 */
public final class PostgresSchema implements AutoCloseable {

    private final String name =
            "sextant_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public PostgresSchema() {
        execute("CREATE SCHEMA " + name);
    }

    /** A JDBC URL whose connections use this schema. */
    public String url() {
        return RequiresPostgres.URL + "?currentSchema=" + name;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql, e);
        }
    }
}
