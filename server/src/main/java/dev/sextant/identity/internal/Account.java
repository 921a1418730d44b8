package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.Role;
import dev.sextant.identity.UserId;
import java.util.Set;

/** An account as stored. The password hash never leaves the identity module. */
record Account(UserId id, String username, String email, String passwordHash, Set<Role> roles,
        boolean mustChangePassword, int securityVersion) {

    Account {
        roles = Set.copyOf(roles);
    }

    AuthenticatedUser toUser() {
        return new AuthenticatedUser(id, username, roles);
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + username + "]";
    }
}
