package dev.sextant.platform.internal;

import dev.sextant.platform.DependencyHealthIndicator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Reports whether the database answers, within two seconds, under {@code /health} as {@code database}. */
@Component("databaseHealthIndicator")
class DatabaseHealthIndicator extends DependencyHealthIndicator {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealthIndicator(DataSource dataSource, Clock clock, PlatformProperties properties) {
        super(clock, properties.health().maxAge());
        this.dataSource = dataSource;
    }

    @Override
    protected Map<String, Object> probe() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                throw new SQLException("connection is not valid");
            }
            return Map.of(
                    "type", connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT));
        }
    }
}
