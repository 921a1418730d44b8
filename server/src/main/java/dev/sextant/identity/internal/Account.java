package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.util.Set;

/** An account as stored. The password hash never leaves the identity module. */
record Account(
        UserId id,
        String username,
        String email,
        String passwordHash,
        Set<Role> roles,
        boolean mustChangePassword,
        int securityVersion,
        boolean totpEnabled,
        long totpLastStep) {

    Account {
        roles = Set.copyOf(roles);
    }

    /** Administrators must sign in with two factors; until they turn it on they can do nothing else. */
    boolean mustEnrolSecondFactor() {
        return roles.contains(Role.ADMIN) && !totpEnabled;
    }

    AuthenticatedUser toUser() {
        return new AuthenticatedUser(id, username, roles);
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + username + "]";
    }
}
