package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.util.UUID;

/** The stable identity of an account; user-owned records are keyed by it. Immutable. */
public record UserId(UUID value) {

    public UserId {
        Check.notNull(value, "value");
    }

    public static UserId of(String text) {
        return new UserId(UUID.fromString(text));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
