package dev.sextant.identity.internal.oauth;

import dev.sextant.identity.internal.McpResource;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;

/**
 * What an authorization request must carry beyond Spring Authorization Server's own checks (exact
 * redirect URI, registered scopes): a PKCE challenge by S256 (OAuth 2.1; {@code plain} is refused),
 * and the {@code resource} it wants a token for (RFC 8707), which must be this server's MCP endpoint.
 * A refusal goes back to the client's redirect URI as an OAuth error.
 */
final class AuthorizationRequestRules implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private static final String RFC8707 = "https://datatracker.ietf.org/doc/html/rfc8707#section-2";

    private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> defaults =
            OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.andThen(
                    OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR);

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        defaults.accept(context);
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        Object method = request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE_METHOD);
        if (!"S256".equals(method)) {
            refuse(request, OAuth2ErrorCodes.INVALID_REQUEST, "code_challenge_method must be S256.", null);
        }
        String expected = AuthorizationServerContextHolder.getContext().getIssuer() + McpResource.PATH;
        Object resource = request.getAdditionalParameters().get(McpTokenClaims.RESOURCE);
        if (!expected.equals(resource)) {
            refuse(request, "invalid_target", "The resource parameter must be " + expected + ".", RFC8707);
        }
    }

    private static void refuse(
            OAuth2AuthorizationCodeRequestAuthenticationToken request, String code, String description, String uri) {
        throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(code, description, uri), request);
    }
}
