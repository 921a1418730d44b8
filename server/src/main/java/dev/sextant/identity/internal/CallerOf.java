package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The one translation of an authenticated request into the {@link Caller} the modules receive:
 * the account, its highest role, the scopes its credential carries (as granted by {@link
 * Credentials}) and whether it came with an API key.
 */
final class CallerOf {

    private CallerOf() {}

    /** The caller behind an authentication, if it is an account allowed to act at all. */
    static Optional<Caller> authentication(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            return Optional.empty();
        }
        Set<String> held = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        Optional<Role> role = user.roles().stream()
                .filter(r -> held.contains(r.authority()))
                .max(Comparator.comparingInt(Role::ordinal));
        if (role.isEmpty()) {
            // Only the authority to change a password or enrol a second factor: no module work.
            return Optional.empty();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (held.contains(scope.authority())) {
                scopes.add(scope);
            }
        }
        Caller.Credential credential = held.contains(Credentials.API_KEY)
                ? Caller.Credential.API_KEY
                : held.contains(Credentials.OAUTH) ? Caller.Credential.OAUTH : Caller.Credential.SESSION;
        return Optional.of(new Caller(user.id(), role.get(), scopes, credential));
    }
}
