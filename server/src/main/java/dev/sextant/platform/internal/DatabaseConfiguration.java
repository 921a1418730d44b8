package dev.sextant.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sextant.platform.DataDirectory;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one connection pool, built from {@code sextant.db.*} so that every database setting is a
 * {@code SEXTANT_*} variable. Without {@code SEXTANT_DB_URL} it opens the embedded H2 file database
 * in the data directory, in PostgreSQL mode so that one set of Flyway migrations serves both.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataDirectory dataDirectory(PlatformProperties properties) {
        return DataDirectory.prepare(properties.dataDir());
    }

    /** Takes the production guard so that weak secrets stop the start before any connection is made. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(PlatformProperties properties, DataDirectory dataDirectory, ProductionSecretsGuard guard) {
        PlatformProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("sextant-db");
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(5_000);
        if (db.url().isBlank()) {
            config.setJdbcUrl("jdbc:h2:file:" + dataDirectory.resolve("sextant")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername(db.username().isBlank() ? "sa" : db.username());
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.username());
        }
        config.setPassword(db.password());
        return new HikariDataSource(config);
    }
}
