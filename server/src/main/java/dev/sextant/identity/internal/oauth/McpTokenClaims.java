package dev.sextant.identity.internal.oauth;

import dev.sextant.identity.internal.InteractiveSignIn;
import dev.sextant.identity.internal.McpResource;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What an OAuth access token says, decided when it is issued (code exchange or refresh):
 * <ul>
 *   <li>{@code aud} is the resource the user authorized, the MCP endpoint (RFC 8707); a token request
 *       naming another resource is refused with {@code invalid_target};
 *   <li>{@code scope} is what the user consented to, as far as the account's role allows now;
 *   <li>{@code sv} is the account's security version, so a password change or log-out everywhere
 *       ends the grant: its refresh is refused, its access tokens fail at {@code /mcp};
 *   <li>a deleted account, or one that must change its password or enrol a second factor, gets no token.
 * </ul>
 */
final class McpTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String RESOURCE = "resource";
    private static final String RFC8707 = "https://datatracker.ietf.org/doc/html/rfc8707#section-2";

    private final InteractiveSignIn signIn;

    McpTokenClaims(InteractiveSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        OAuth2Authorization authorization = context.getAuthorization();
        String expected = AuthorizationServerContextHolder.getContext().getIssuer() + McpResource.PATH;
        String authorized = authorizedResource(authorization);
        if (!expected.equals(authorized)) {
            throw invalidTarget("This grant is not for " + expected + ".");
        }
        if (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant) {
            Object requested = grant.getAdditionalParameters().get(RESOURCE);
            if (requested != null && !authorized.equals(requested)) {
                throw invalidTarget("The resource must be " + authorized + ", as authorized.");
            }
        }
        InteractiveSignIn.Standing standing = signIn.standing(
                        UserId.of(context.getPrincipal().getName()))
                .filter(InteractiveSignIn.Standing::usable)
                .orElseThrow(() -> invalidGrant("The account cannot sign in any more."));
        Object previousVersion = previousSecurityVersion(authorization);
        if (previousVersion instanceof Number number && number.intValue() != standing.securityVersion()) {
            throw invalidGrant("The account signed out everywhere or changed its password since. Connect again.");
        }
        Set<String> granted = withinRole(context.getAuthorizedScopes(), standing.role());
        context.getClaims()
                // Collections' own wrappers: the claims are stored (JSON with type ids) and read back by
                // Spring Authorization Server, whose allow-list knows these and not List.of's classes.
                .audience(Collections.singletonList(authorized))
                .claim("client_id", context.getRegisteredClient().getClientId())
                .claim(McpAccessTokens.SECURITY_VERSION, standing.securityVersion())
                .claims(claims -> {
                    if (granted.isEmpty()) {
                        claims.remove("scope");
                    } else {
                        claims.put("scope", Collections.unmodifiableSet(granted));
                    }
                });
    }

    /** The scopes among {@code requested} that a holder of {@code role} may use. */
    static Set<String> withinRole(Set<String> requested, Role role) {
        Set<String> granted = new LinkedHashSet<>();
        for (Scope scope : Scope.values()) {
            if (requested.contains(scope.wireName())
                    && role.ordinal() >= scope.minimumRole().ordinal()) {
                granted.add(scope.wireName());
            }
        }
        return granted;
    }

    private static @Nullable String authorizedResource(@Nullable OAuth2Authorization authorization) {
        if (authorization == null) {
            return null;
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object resource =
                request == null ? null : request.getAdditionalParameters().get(RESOURCE);
        return resource instanceof String text ? text : null;
    }

    private static @Nullable Object previousSecurityVersion(@Nullable OAuth2Authorization authorization) {
        if (authorization == null || authorization.getAccessToken() == null) {
            return null;
        }
        Map<String, Object> claims = authorization.getAccessToken().getClaims();
        return claims == null ? null : claims.get(McpAccessTokens.SECURITY_VERSION);
    }

    private static OAuth2AuthenticationException invalidTarget(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_target", description, RFC8707));
    }

    private static OAuth2AuthenticationException invalidGrant(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
    }
}
