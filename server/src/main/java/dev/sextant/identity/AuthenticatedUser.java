package dev.sextant.identity;

import dev.sextant.analytics.check.Check;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.security.Principal;
import java.util.Set;

/**
 * The caller of a request, resolved once at the edge. Modules receive it explicitly and key every
 * user-owned read and write by {@link #id()}. As a {@link Principal} its name is the user id, so
 * code that only sees a {@code Principal} (audit) records the stable id, not a changeable username.
 * Immutable and thread-safe.
 */
public record AuthenticatedUser(UserId id, String username, Set<Role> roles) implements Principal {

    public AuthenticatedUser {
        Check.notNull(id, "id");
        Check.notBlank(username, "username");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return id.toString();
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(held -> held.ordinal() >= role.ordinal());
    }
}
