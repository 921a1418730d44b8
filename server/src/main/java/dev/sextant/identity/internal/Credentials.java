package dev.sextant.identity.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads a request's credential, {@code Authorization: Bearer <access token>}, or an API key as
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer sx_live_...}, and decides who it belongs to. The one place that does, for the
 * security filter chain and for the hot read path alike.
 *
 * <p>Authorities: the account's roles, plus the scopes the credential carries: a signed-in session
 * every scope its role allows, an API key only its own (and the marker {@link #API_KEY}), an OAuth
 * access token (at {@code /mcp} only) the scopes its user consented to (and the marker {@link #OAUTH}). An
 * account that must change its password gets only the authority to do that.
 */
class Credentials {

    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";
    /** Held instead of any role by an administrator who has not turned on two-factor sign-in yet. */
    static final String TWO_FACTOR_REQUIRED = "TWO_FACTOR_REQUIRED";
    /** Held by requests authenticated with an API key rather than a signed-in session. */
    static final String API_KEY = "API_KEY";
    /** Held by requests authenticated with an OAuth access token (only ever at {@code /mcp}). */
    static final String OAUTH = "OAUTH";

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String OUTCOME = Credentials.class.getName() + ".outcome";
    private static final String BEARER = "Bearer ";

    /** Authentication details of a request made with an API key: which key, for per-key budgets. */
    record ApiKeyCredential(java.util.UUID keyId) {}

    /** What a request's credential amounts to. */
    sealed interface Outcome {}

    /** No credential at all: the request goes on anonymous. */
    record Absent() implements Outcome {}

    /** A credential that is not genuine and current, or two of them: refused with 401. */
    record Refused(String detail) implements Outcome {}

    record Authenticated(UsernamePasswordAuthenticationToken authentication) implements Outcome {
        AuthenticatedUser user() {
            return (AuthenticatedUser) authentication.getPrincipal();
        }

        boolean holds(String authority) {
            return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
        }
    }

    private final AccessTokens accessTokens;
    private final ApiKeys apiKeys;
    private final UserDirectory directory;
    private final OAuthAccessTokens oauthTokens;
    private final McpResource mcp;
    private final AuditLog audit;

    Credentials(
            AccessTokens accessTokens,
            ApiKeys apiKeys,
            UserDirectory directory,
            OAuthAccessTokens oauthTokens,
            McpResource mcp,
            AuditLog audit) {
        this.mcp = mcp;
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
        this.directory = directory;
        this.oauthTokens = oauthTokens;
        this.audit = audit;
    }

    /**
     * {@link #check}, once per request: a request the hot read path handed on to the filter chain
     * is not checked twice (nor is an API key's use recorded twice).
     */
    Outcome checkOnce(HttpServletRequest request) {
        if (request.getAttribute(OUTCOME) instanceof Outcome known) {
            return known;
        }
        Outcome outcome = check(request);
        request.setAttribute(OUTCOME, outcome);
        return outcome;
    }

    private Outcome check(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (header == null && apiKey == null) {
            return new Absent();
        }
        if (header != null && apiKey != null) {
            return new Refused("Send either a bearer token or an API key, not both.");
        }
        if (header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && header.substring(BEARER.length()).strip().startsWith(ApiKeys.PREFIX)) {
            // An API key as the bearer token, as MCP and most HTTP clients send one: the same key,
            // checked the same way as in X-API-Key. Access tokens never start with the prefix.
            apiKey = header.substring(BEARER.length()).strip();
            header = null;
        }
        List<GrantedAuthority> authorities;
        Optional<Account> account;
        ApiKeyCredential credential = null;
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return new Refused("Send the access token as 'Authorization: Bearer <token>'.");
            }
            String token = header.substring(BEARER.length()).strip();
            Optional<AccessTokens.Claims> session = accessTokens.verify(token);
            if (session.isEmpty() && oauthTokens.claimsToBeOurs(token)) {
                return oauth(request, token);
            }
            account = session.flatMap(claims -> directory
                    .find(claims.userId())
                    .filter(found -> found.securityVersion() == claims.securityVersion()));
            if (account.isEmpty()) {
                return new Refused("The access token is invalid or expired. Refresh it or sign in again.");
            }
            authorities = authorities(account.get(), EnumSet.allOf(Scope.class), Marker.NONE);
        } else {
            Optional<ApiKeyRepository.StoredKey> key = apiKeys.authenticate(apiKey.strip());
            account = key.flatMap(found -> directory.find(found.userId()));
            if (account.isEmpty()) {
                return new Refused("The API key is invalid, expired or revoked.");
            }
            authorities = authorities(account.get(), key.get().scopes(), Marker.API_KEY);
            credential = new ApiKeyCredential(key.get().id());
        }
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(account.get().toUser(), null, authorities);
        authentication.setDetails(credential);
        return new Authenticated(authentication);
    }

    /**
     * An OAuth access token: good only at {@code /mcp}, only with our signature, issuer and the MCP
     * endpoint as audience, and only while the account exists unchanged (a password change or log-out
     * everywhere ends it). Scopes are those granted, as far as the role still allows.
     */
    private Outcome oauth(HttpServletRequest request, String token) {
        if (!McpResource.covers(request)) {
            return new Refused("This is an OAuth access token for the MCP endpoint (" + McpResource.PATH
                    + "); it is good nowhere else. Use a session or an API key here.");
        }
        Optional<OAuthAccessTokens.Grant> grant = oauthTokens.verify(token, mcp.baseUrl(request), mcp.url(request));
        if (grant.isEmpty()) {
            return refusedAtMcp(
                    request,
                    "The OAuth access token is invalid, expired or not for this resource.",
                    "invalid, expired or other audience");
        }
        Optional<Account> account = directory
                .find(grant.get().user())
                .filter(found -> found.securityVersion() == grant.get().securityVersion());
        if (account.isEmpty()) {
            return refusedAtMcp(
                    request,
                    "The OAuth access token's account was deleted or signed out everywhere. Connect again.",
                    "account gone or signed out everywhere");
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                account.get().toUser(),
                null,
                authorities(account.get(), grant.get().scopes(), Marker.OAUTH));
        return new Authenticated(authentication);
    }

    private Refused refusedAtMcp(HttpServletRequest request, String detail, String reason) {
        audit.record(
                AuditEventType.OAUTH_TOKEN_REFUSED,
                null,
                McpResource.PATH,
                Map.of("reason", reason, "clientAddress", String.valueOf(request.getRemoteAddr())));
        return new Refused(detail);
    }

    /** Which kind of scoped credential, if any, the authorities mark. */
    private enum Marker {
        NONE,
        API_KEY,
        OAUTH
    }

    private static List<GrantedAuthority> authorities(Account account, Set<Scope> scopes, Marker marker) {
        if (account.mustChangePassword()) {
            return List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
        }
        if (account.mustEnrolSecondFactor()) {
            return List.of(new SimpleGrantedAuthority(TWO_FACTOR_REQUIRED));
        }
        AuthenticatedUser user = account.toUser();
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        scopes.stream()
                .filter(scope -> user.has(scope.minimumRole()))
                .forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        switch (marker) {
            case API_KEY -> authorities.add(new SimpleGrantedAuthority(API_KEY));
            case OAUTH -> authorities.add(new SimpleGrantedAuthority(OAUTH));
            case NONE -> {}
        }
        return authorities;
    }
}
