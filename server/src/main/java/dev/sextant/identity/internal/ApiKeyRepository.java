package dev.sextant.identity.internal;

import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys; every read and write that a user starts is keyed by the owner's id. */
@Repository
class ApiKeyRepository {

    /** A stored key, without its hash. */
    record StoredKey(
            UUID id,
            UserId userId,
            String name,
            String prefix,
            Set<Scope> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {

        boolean isLive(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    private static final String COLUMNS =
            "id, user_id, name, prefix, scopes, created_at, expires_at, revoked_at, " + "last_used_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredKey key, String keyHash) {
        jdbc.sql("INSERT INTO api_key (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at) "
                        + "VALUES (:id, :user, :name, :prefix, :hash, :scopes, :created, :expires)")
                .param("id", key.id())
                .param("user", key.userId().value())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", keyHash)
                .param(
                        "scopes",
                        key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")))
                .param("created", Timestamp.from(key.createdAt()))
                .param("expires", Timestamp.from(key.expiresAt()))
                .update();
    }

    Optional<StoredKey> findByHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash")
                .param("hash", keyHash)
                .query(ApiKeyRepository::map)
                .optional();
    }

    List<StoredKey> findByOwner(UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE user_id = :user ORDER BY created_at, id")
                .param("user", owner.value())
                .query(ApiKeyRepository::map)
                .list();
    }

    long countLive(UserId owner, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE user_id = :user AND revoked_at IS NULL "
                        + "AND expires_at > :now")
                .param("user", owner.value())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Revokes the key if it belongs to the owner; another user's key id changes nothing. */
    boolean revoke(UserId owner, UUID id, Instant now) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND user_id = :user "
                                + "AND revoked_at IS NULL")
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("user", owner.value())
                        .update()
                == 1;
    }

    /** A live key's id and hash, for revoking it and forgetting it in the cache. */
    record LiveKey(UUID id, String keyHash) {}

    List<LiveKey> findLive(UserId owner, Instant now) {
        return jdbc.sql("SELECT id, key_hash FROM api_key WHERE user_id = :user AND revoked_at IS NULL "
                        + "AND expires_at > :now ORDER BY created_at, id")
                .param("user", owner.value())
                .param("now", Timestamp.from(now))
                .query((row, n) -> new LiveKey(row.getObject("id", UUID.class), row.getString("key_hash")))
                .list();
    }

    Optional<String> hashOf(UserId owner, UUID id) {
        return jdbc.sql("SELECT key_hash FROM api_key WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", owner.value())
                .query(String.class)
                .optional();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("UPDATE api_key SET last_used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    private static StoredKey map(ResultSet row, int n) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(row.getString("scopes").split(","))
                .map(Scope::fromWireName)
                .forEach(scope -> scope.ifPresent(scopes::add));
        return new StoredKey(
                row.getObject("id", UUID.class),
                new UserId(row.getObject("user_id", UUID.class)),
                row.getString("name"),
                row.getString("prefix"),
                scopes,
                instant(row, "created_at"),
                instant(row, "expires_at"),
                instant(row, "revoked_at"),
                instant(row, "last_used_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
