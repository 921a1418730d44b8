package dev.sextant.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. Each role includes the ones before it: an admin is also an analyst and a
 * user. Endpoints check them with {@code @PreAuthorize("hasRole('USER')")} and the like.
 */
public enum Role {
    USER,
    ANALYST,
    ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The wire name, lower case, e.g. {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
