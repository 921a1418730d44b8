package dev.sextant.identity.internal;

import dev.sextant.platform.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use recovery codes, as keyed hashes, per account. */
@Repository
class RecoveryCodeRepository {

    private final JdbcClient jdbc;

    RecoveryCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replaceAll(UserId userId, List<String> hashes) {
        deleteAll(userId);
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO recovery_code (id, user_id, code_hash) VALUES (:id, :user, :hash)")
                    .param("id", UUID.randomUUID())
                    .param("user", userId.value())
                    .param("hash", hash)
                    .update();
        }
    }

    /** Marks the code used if it is the account's and unused; one conditional update, so it works once. */
    boolean consume(UserId userId, String hash, Instant now) {
        return jdbc.sql("UPDATE recovery_code SET used_at = :now WHERE user_id = :user AND code_hash = :hash "
                                + "AND used_at IS NULL")
                        .param("now", Timestamp.from(now))
                        .param("user", userId.value())
                        .param("hash", hash)
                        .update()
                == 1;
    }

    void deleteAll(UserId userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :user")
                .param("user", userId.value())
                .update();
    }
}
