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
 *
 * <p>The embedded database is made as durable as PostgreSQL's defaults: {@code WRITE_DELAY=0} makes
 * every commit write its MVStore chunk before the commit returns (H2's default of 500 ms left up to
 * half a second, in practice about a second, of acknowledged writes in memory to be lost by a crash),
 * and the {@code dsync:} file system opens the database file with {@code O_DSYNC} so that those writes
 * also reach the disk, not only the operating system's cache, before the answer goes out.
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
            config.setJdbcUrl(embeddedUrl(dataDirectory));
            config.setUsername(db.username().isBlank() ? "sa" : db.username());
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.username());
        }
        config.setPassword(db.password());
        return new HikariDataSource(config);
    }

    static String embeddedUrl(DataDirectory dataDirectory) {
        DsyncFilePath.register();
        return "jdbc:h2:" + DsyncFilePath.SCHEME + ":" + dataDirectory.resolve("sextant")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
                + ";WRITE_DELAY=0";
    }
}
