package dev.sextant.platform.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's settings. Each is also an environment variable by Spring's relaxed binding:
 * {@code sextant.data-dir} is {@code SEXTANT_DATA_DIR}, {@code sextant.db.url} is
 * {@code SEXTANT_DB_URL}, and so on. README.md lists them all.
 *
 * @param dataDir where the embedded database and other local state live
 * @param db the database; blank {@code url} selects the embedded H2 file database in {@code dataDir}
 * @param http limits applied to every request
 * @param health how often {@code /health} re-checks each dependency
 * @param redisUrl Redis for state shared between nodes ({@code redis://host:6379}); blank: none
 */
@Validated
@ConfigurationProperties("sextant")
record PlatformProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Db db,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue HealthChecks health,
        @NotNull @DefaultValue("") String redisUrl) {

    /**
     * @param url JDBC URL of an external database (PostgreSQL), or blank for embedded H2
     * @param username database user; blank means {@code sa} on H2
     * @param password database password; never logged
     * @param poolSize maximum connections held open
     */
    record Db(
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @Min(1) @Max(200) @DefaultValue("10") int poolSize) {

        boolean isEmbedded() {
            return url.isBlank() || url.startsWith("jdbc:h2:");
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", username=" + username + ", password=****, poolSize=" + poolSize + "]";
        }
    }

    /**
     * @param maxBodySize larger request bodies are refused with 413 before they are read
     * @param corsAllowedOrigins browser origins allowed to call the API from another site
     *     (e.g. {@code https://app.example.com}); empty, the default, allows none
     */
    record Http(
            @NotNull @DefaultValue("1MB") DataSize maxBodySize,
            @NotNull @DefaultValue("") List<String> corsAllowedOrigins) {}

    /** @param maxAge a dependency's health result is reused for this long before it is checked again */
    record HealthChecks(@NotNull @DefaultValue("2s") Duration maxAge) {}
}
