package dev.sextant.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records what happened, who did it and to what. Never pass a secret (password, token, key) in
 * {@code details}: the log is read by administrators and kept for a long time.
 */
public interface AuditLog {

    /**
     * @param actor the user id of whoever acted, or null when unknown (a failed sign-in)
     * @param subject what was acted upon: a username, a user id, a key id
     */
    void record(AuditEventType type, @Nullable String actor, String subject, Map<String, String> details);

    default void record(AuditEventType type, @Nullable String actor, String subject) {
        record(type, actor, subject, Map.of());
    }
}
