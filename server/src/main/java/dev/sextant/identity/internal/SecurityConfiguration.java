package dev.sextant.identity.internal;

import dev.sextant.audit.AuditLog;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.Scope;
import dev.sextant.platform.SecurityHeaders;
import dev.sextant.web.WebApp;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The HTTP security of the API (every path but the OAuth authorization server's, which has its own
 * chain in {@code oauth}). Stateless: no sessions and no cookies, so no CSRF
 * surface; callers authenticate every request with a bearer token. Infrastructure and sign-in
 * paths are open; everything else needs an authenticated caller, and each endpoint then states its
 * own rule with {@code @PreAuthorize} or {@code @PermitAll}, and which credentials it takes with
 * {@code @RequiresScope}, {@code @SessionOnly} or {@code @AnyCredential}
 * ({@link ExplicitAccessRuleInterceptor} checks the latter before the body is read, and denies an
 * endpoint that states no rule).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/",
        "/error",
        "/health",
        "/health/**",
        "/api/openapi.json",
        "/api/openapi.json/**",
        "/api/docs",
        "/api/docs/**",
        "/api/swagger-ui/**",
        "/swagger-ui/**",
        "/api/v1/auth/**",
        McpResource.METADATA_PATH,
        McpResource.METADATA_PATH + "/**",
        // The stream authenticates its own handshake (token, API key or ticket) and answers in-protocol.
        "/ws/stream"
    };

    /** What an OAuth client should ask for at {@code /mcp}: every scope a tool may need. */
    static final String MCP_SCOPE_HINT = String.join(" ", Scope.wireNames());

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            Credentials credentials,
            SecurityHeaders securityHeaders,
            ProblemWriter problems,
            McpResource mcp)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .headers(headers -> {
                    headers.defaultsDisabled();
                    securityHeaders.writers().forEach(headers::addHeaderWriter);
                })
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(
                        new TokenAuthenticationFilter(credentials, problems, mcp),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                            // At /mcp an OAuth client discovers the authorization server from here (RFC 9728 §5.1).
                            response.setHeader(
                                    HttpHeaders.WWW_AUTHENTICATE,
                                    McpResource.covers(request)
                                            ? "Bearer resource_metadata=\"" + mcp.metadataUrl(request) + "\", scope=\""
                                                    + MCP_SCOPE_HINT + "\""
                                            : "Bearer");
                            problems.write(
                                    request,
                                    response,
                                    ProblemType.UNAUTHENTICATED,
                                    "Sign in first: send 'Authorization: Bearer <access token>'.");
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            var authentication =
                                    org.springframework.security.core.context.SecurityContextHolder.getContext()
                                            .getAuthentication();
                            if (holds(authentication, Credentials.PASSWORD_CHANGE_REQUIRED)) {
                                problems.write(
                                        request,
                                        response,
                                        IdentityProblems.PASSWORD_CHANGE_REQUIRED,
                                        "Set a new password first: POST /api/v1/me/password.");
                            } else if (holds(authentication, Credentials.TWO_FACTOR_REQUIRED)) {
                                problems.write(
                                        request,
                                        response,
                                        IdentityProblems.TWO_FACTOR_REQUIRED,
                                        "Administrators must turn on two-factor sign-in first: "
                                                + "POST /api/v1/me/2fa/setup, then /api/v1/me/2fa/enable.");
                            } else if (McpResource.covers(request)) {
                                // RFC 6750 §3.1: the scopes to ask for in a new authorization.
                                response.setHeader(
                                        HttpHeaders.WWW_AUTHENTICATE,
                                        "Bearer error=\"insufficient_scope\", scope=\"" + MCP_SCOPE_HINT
                                                + "\", resource_metadata=\"" + mcp.metadataUrl(request)
                                                + "\"");
                                problems.write(
                                        request,
                                        response,
                                        ProblemType.FORBIDDEN,
                                        "This credential holds no scope the MCP endpoint could use.");
                            } else if (denied instanceof ExplicitAccessRuleInterceptor.CredentialRefused refused) {
                                problems.write(
                                        request, response, refused.type(), refused.getMessage(), refused.properties());
                            } else {
                                problems.write(
                                        request,
                                        response,
                                        ProblemType.FORBIDDEN,
                                        "Your account is not allowed to do this.");
                            }
                        }))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(
                                DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        // The web app's pages and assets hold no data: it reads everything from the API.
                        .requestMatchers(HttpMethod.GET, WebApp.PUBLIC_PATHS.toArray(String[]::new))
                        .permitAll()
                        // HEAD is GET without the body (a link checker, a monitor, curl -I).
                        .requestMatchers(HttpMethod.HEAD, WebApp.PUBLIC_PATHS.toArray(String[]::new))
                        .permitAll()
                        // Metrics tell an outsider too much (traffic, providers, failures): administrators
                        // only, e.g. Prometheus with an administrator's API key of scope admin.
                        .requestMatchers("/metrics")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole("ADMIN"),
                                AuthorityAuthorizationManager.hasAuthority(Scope.ADMIN.authority())))
                        // A credential with no scope at all (an OAuth grant the user gave none) can call no tool.
                        .requestMatchers(McpResource.PATH, McpResource.PATH + "/**")
                        .access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorityAuthorizationManager.hasAnyAuthority(Arrays.stream(Scope.values())
                                        .map(Scope::authority)
                                        .toArray(String[]::new))))
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    private static boolean holds(org.springframework.security.core.Authentication authentication, String authority) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    @Bean
    Credentials credentials(
            AccessTokens accessTokens,
            ApiKeys apiKeys,
            UserDirectory directory,
            OAuthAccessTokens oauthTokens,
            McpResource mcp,
            AuditLog audit) {
        return new Credentials(accessTokens, apiKeys, directory, oauthTokens, mcp, audit);
    }

    /**
     * No Micrometer observations around each security filter, authentication and authorization:
     * they cost a tenth of a cached request's CPU and add nothing the HTTP server metrics do not
     * show. Failures are audited and logged instead.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** admin includes analyst, analyst includes user. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_ANALYST\nROLE_ANALYST > ROLE_USER");
    }
}
