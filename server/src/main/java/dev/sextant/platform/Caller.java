package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.util.EnumSet;
import java.util.Set;

/**
 * On whose behalf work runs: the account, its role, the scopes its credential carries and what kind
 * of credential that is. Resolved once at the edge (a request's credential, the operator's control
 * socket, a stored job's owner) and then passed explicitly to every module face, so work moved off
 * the request thread (a parallel fetch, a stream, an agent's tool call) still knows its caller.
 * Nothing outside the identity module reads the security context. Immutable.
 */
public record Caller(UserId user, Role role, Set<Scope> scopes, Credential credential) {

    /** How the caller proved who they are. */
    public enum Credential {
        /** A signed-in session: every scope the role allows. */
        SESSION,
        /** An API key: only the scopes chosen when it was created. */
        API_KEY,
        /** An OAuth access token of a remote MCP client: only the scopes its user consented to. */
        OAUTH,
        /** The operator on the server's own machine (the control socket, a command). */
        OPERATOR
    }

    public Caller {
        Check.notNull(user, "user");
        Check.notNull(role, "role");
        Check.notNull(credential, "credential");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** A signed-in session of {@code user}: every scope {@code role} allows. */
    public static Caller session(UserId user, Role role) {
        EnumSet<Scope> allowed = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (role.ordinal() >= scope.minimumRole().ordinal()) {
                allowed.add(scope);
            }
        }
        return new Caller(user, role, allowed, Credential.SESSION);
    }

    /** Whether the caller's role includes {@code wanted} (an admin is also an analyst and a user). */
    public boolean has(Role wanted) {
        return role.ordinal() >= wanted.ordinal();
    }

    /** Whether the credential carries {@code scope} and the role lets it take effect. */
    public boolean holds(Scope scope) {
        return scopes.contains(scope) && has(scope.minimumRole());
    }

    @Override
    public String toString() {
        return "Caller[" + user + ", " + role.wireName() + ", " + credential + "]";
    }
}
