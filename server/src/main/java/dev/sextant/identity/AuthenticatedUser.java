package dev.sextant.identity;

import dev.sextant.analytics.check.Check;
import java.util.Set;

/**
 * The caller of a request, resolved once at the edge. Modules receive it explicitly and key every
 * user-owned read and write by {@link #id()}. Immutable and thread-safe.
 */
public record AuthenticatedUser(UserId id, String username, Set<Role> roles) {

    public AuthenticatedUser {
        Check.notNull(id, "id");
        Check.notBlank(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(held -> held.ordinal() >= role.ordinal());
    }
}
