package dev.sextant.identity.internal;

import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the OAuth access tokens the authorization server issues for the MCP endpoint (the
 * implementation lives with the authorization server, which holds the signing key).
 */
public interface OAuthAccessTokens {

    /** What a genuine, current token grants: whose it is, under which security version, which scopes. */
    record Grant(UserId user, int securityVersion, Set<Scope> scopes, String clientId) {
        public Grant {
            scopes = Set.copyOf(scopes);
        }
    }

    /** Whether the token claims to be one of ours (signed with our key id), genuine or not. */
    boolean claimsToBeOurs(String token);

    /**
     * The token's grant if it is genuine (our key), current, issued by {@code issuer} and for
     * {@code resource}; empty for anything else.
     */
    Optional<Grant> verify(String token, String issuer, String resource);
}
