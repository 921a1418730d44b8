package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.util.Set;

/**
 * An account as stored. The password hash never leaves the identity module. A disabled account
 * keeps its data but no credential of it works until an administrator enables it again.
 */
record Account(
        UserId id,
        String username,
        String email,
        String passwordHash,
        Set<Role> roles,
        boolean mustChangePassword,
        int securityVersion,
        boolean totpEnabled,
        long totpLastStep,
        boolean disabled) {

    Account {
        roles = Set.copyOf(roles);
    }

    /** An account that is not disabled. */
    Account(
            UserId id,
            String username,
            String email,
            String passwordHash,
            Set<Role> roles,
            boolean mustChangePassword,
            int securityVersion,
            boolean totpEnabled,
            long totpLastStep) {
        this(
                id,
                username,
                email,
                passwordHash,
                roles,
                mustChangePassword,
                securityVersion,
                totpEnabled,
                totpLastStep,
                false);
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
