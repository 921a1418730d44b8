package dev.sextant.identity.internal.oauth;

import dev.sextant.platform.Scope;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.OAuth2ClientRegistration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns an open registration request (RFC 7591) into a client, on Sextant's terms: public clients
 * only ({@code token_endpoint_auth_method} {@code none}, never a secret), the authorization code
 * and refresh token grants only, PKCE required, redirect URIs that are https, or http on a loopback
 * address (native apps, RFC 8252), never with a fragment; consent asked every time a scope is new.
 * Anything else is refused with the RFC's error codes rather than quietly narrowed, so a client
 * knows what it got.
 */
final class PublicClientRegistrations implements Converter<OAuth2ClientRegistration, RegisteredClient> {

    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(10);
    static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);
    static final Duration CODE_TTL = Duration.ofMinutes(2);
    private static final int MAX_REDIRECT_URIS = 5;
    private static final int MAX_NAME_LENGTH = 100;
    private static final Set<String> GRANTS = Set.of(
            AuthorizationGrantType.AUTHORIZATION_CODE.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue());

    @Override
    public RegisteredClient convert(OAuth2ClientRegistration registration) {
        String method = registration.getTokenEndpointAuthenticationMethod();
        if (method != null && !ClientAuthenticationMethod.NONE.getValue().equals(method)) {
            refuse("invalid_client_metadata", "Only public clients may register: token_endpoint_auth_method none.");
        }
        List<String> grants = registration.getGrantTypes() == null
                        || registration.getGrantTypes().isEmpty()
                ? List.copyOf(GRANTS)
                : registration.getGrantTypes();
        if (!GRANTS.containsAll(grants) || !grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue())) {
            refuse("invalid_client_metadata", "grant_types may be authorization_code and refresh_token only.");
        }
        List<String> responseTypes = registration.getResponseTypes();
        if (responseTypes != null
                && !responseTypes.isEmpty()
                && !List.of("code").equals(responseTypes)) {
            refuse("invalid_client_metadata", "response_types may be code only.");
        }
        List<String> redirectUris = registration.getRedirectUris();
        if (redirectUris == null || redirectUris.isEmpty() || redirectUris.size() > MAX_REDIRECT_URIS) {
            refuse("invalid_redirect_uri", "Give between 1 and " + MAX_REDIRECT_URIS + " redirect_uris.");
        }
        redirectUris.forEach(PublicClientRegistrations::checkRedirectUri);
        Set<String> allowed = Set.copyOf(Scope.wireNames());
        Set<String> scopes =
                registration.getScopes() == null || registration.getScopes().isEmpty()
                        ? allowed
                        : Set.copyOf(registration.getScopes());
        if (!allowed.containsAll(scopes)) {
            refuse("invalid_client_metadata", "scope may only name " + String.join(", ", Scope.wireNames()) + ".");
        }
        String clientId = UUID.randomUUID().toString();
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name(registration.getClientName(), clientId))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantTypes(set -> grants.forEach(grant -> set.add(new AuthorizationGrantType(grant))))
                .redirectUris(set -> set.addAll(redirectUris))
                .scopes(set -> set.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                        .authorizationCodeTimeToLive(CODE_TTL)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    /** https anywhere, or http to a loopback address only; no fragment, no user info. */
    static void checkRedirectUri(String candidate) {
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            refuse("invalid_redirect_uri", "A redirect URI is not a valid URI.");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
        boolean secure = scheme.equals("https") && !host.isEmpty();
        if (!(secure || (scheme.equals("http") && loopback))
                || uri.getFragment() != null
                || uri.getRawUserInfo() != null) {
            refuse(
                    "invalid_redirect_uri",
                    "Redirect URIs must be https, or http on a loopback address (127.0.0.1, [::1], localhost), "
                            + "without a fragment.");
        }
    }

    private static String name(@Nullable String requested, String clientId) {
        if (requested == null || requested.isBlank()) {
            return "Unnamed client " + clientId.substring(0, 8);
        }
        String clean = requested.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > MAX_NAME_LENGTH ? clean.substring(0, MAX_NAME_LENGTH) : clean;
    }

    private static void refuse(String code, String description) {
        throw new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
