package dev.sextant.identity.internal;

import dev.sextant.platform.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens, by the SHA-256 hash of their value; the value itself is never stored. */
@Repository
class RefreshTokenRepository {

    /** A stored token's standing. */
    record StoredToken(UUID familyId, UserId userId, boolean used, boolean revoked, Instant expiresAt) {}

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID familyId, UserId userId, String tokenHash, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_token (id, family_id, user_id, token_hash, issued_at, expires_at) "
                        + "VALUES (:id, :family, :user, :hash, :issued, :expires)")
                .param("id", UUID.randomUUID())
                .param("family", familyId)
                .param("user", userId.value())
                .param("hash", tokenHash)
                .param("issued", Timestamp.from(issuedAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /**
     * Marks the token used if it is live. One conditional update, so of two requests racing with
     * the same token exactly one wins; the other then sees a used token.
     */
    boolean markUsedIfLive(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE refresh_token SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL "
                                + "AND revoked_at IS NULL AND expires_at > :now")
                        .param("now", Timestamp.from(now))
                        .param("hash", tokenHash)
                        .update()
                == 1;
    }

    /**
     * When each of these accounts last signed in: every completed sign-in (and password change)
     * starts a token family, so that is the newest family's first token. Accounts that never signed
     * in are absent.
     */
    Map<UserId, Instant> lastSignIns(Collection<UserId> users) {
        Map<UserId, Instant> last = new HashMap<>();
        if (users.isEmpty()) {
            return last;
        }
        jdbc.sql("SELECT user_id, MAX(started) AS last_sign_in FROM (SELECT user_id, family_id, "
                        + "MIN(issued_at) AS started FROM refresh_token WHERE user_id IN (:users) "
                        + "GROUP BY user_id, family_id) families GROUP BY user_id")
                .param("users", users.stream().map(UserId::value).toList())
                .query((row, n) -> last.put(
                        new UserId(row.getObject("user_id", UUID.class)),
                        row.getTimestamp("last_sign_in").toInstant()))
                .list();
        return last;
    }

    Optional<StoredToken> find(String tokenHash) {
        return jdbc.sql("SELECT family_id, user_id, used_at, revoked_at, expires_at FROM refresh_token "
                        + "WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query((row, n) -> new StoredToken(
                        row.getObject("family_id", UUID.class),
                        new UserId(row.getObject("user_id", UUID.class)),
                        row.getTimestamp("used_at") != null,
                        row.getTimestamp("revoked_at") != null,
                        row.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("family", familyId)
                .update();
    }

    int revokeAllOf(UserId userId, Instant now) {
        return jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("user", userId.value())
                .update();
    }
}
