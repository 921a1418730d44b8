package dev.sextant.identity.internal.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.internal.InteractiveSignIn;
import dev.sextant.identity.internal.McpResource;
import dev.sextant.identity.internal.OAuthAccessTokens;
import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.Scope;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The OAuth 2.1 authorization server for remote MCP clients (Spring Authorization Server), in its
 * own filter chain ahead of the API's: its endpoints ({@code /oauth2/authorize}, {@code /token},
 * {@code /register}, {@code /jwks}, {@code /revoke}, {@code /introspect}, the metadata at
 * {@code /.well-known/oauth-authorization-server}) and the sign-in and consent pages. Only this chain
 * keeps a session (for the browser step); clients, grants and consents live in the database, so they
 * survive restarts and are shared by every node.
 */
@Configuration(proxyBeanMethods = false)
class OAuthServerConfiguration {

    // The pages post only to themselves and /oauth2/authorize, which then redirects to the client's
    // own redirect URI: form-action is left out because browsers apply it to that redirect too.
    private static final String PAGE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            OAuth2AuthorizationConsentService consents,
            OAuth2TokenGenerator<?> tokens,
            ProblemWriter problems,
            AuditLog audit,
            OAuthProperties properties)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = server.getEndpointsMatcher();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher pages = new OrRequestMatcher(
                paths.matcher(AuthorizationPages.LOGIN),
                paths.matcher(AuthorizationPages.SECOND_FACTOR),
                paths.matcher(AuthorizationPages.CONSENT));
        PublicClientRefresh.ClientCheck refreshClients = new PublicClientRefresh.ClientCheck(clients);
        http.securityMatcher(new OrRequestMatcher(endpoints, pages))
                .with(
                        server,
                        as -> as.registeredClientRepository(clients)
                                .authorizationService(authorizations)
                                .authorizationConsentService(consents)
                                .tokenGenerator(tokens)
                                .authorizationEndpoint(authorize -> authorize
                                        .consentPage(AuthorizationPages.CONSENT)
                                        .authenticationProviders(providers -> providers.forEach(provider -> {
                                            if (provider
                                                    instanceof
                                                    OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
                                                codes.setAuthenticationValidator(new AuthorizationRequestRules());
                                            }
                                        })))
                                .clientAuthentication(clientAuthentication -> clientAuthentication
                                        .authenticationConverters(converters ->
                                                converters.addFirst(new PublicClientRefresh.RequestConverter()))
                                        .authenticationProviders(providers -> providers.addFirst(refreshClients)))
                                .clientRegistrationEndpoint(registration -> registration
                                        .openRegistrationAllowed(true)
                                        .authenticationProviders(providers -> providers.forEach(provider -> {
                                            if (provider
                                                    instanceof
                                                    OAuth2ClientRegistrationAuthenticationProvider registering) {
                                                registering.setOpenRegistrationAllowed(true);
                                                // The default also refuses any scope in a registration; MCP
                                                // clients send the scopes they will ask for, which
                                                // PublicClientRegistrations checks against Sextant's.
                                                registering.setAuthenticationValidator(
                                                        OAuth2ClientRegistrationAuthenticationValidator
                                                                .DEFAULT_REDIRECT_URI_VALIDATOR
                                                                .andThen(
                                                                        OAuth2ClientRegistrationAuthenticationValidator
                                                                                .DEFAULT_JWK_SET_URI_VALIDATOR));
                                                registering.setRegisteredClientConverter(
                                                        new PublicClientRegistrations());
                                            }
                                        })))
                                .authorizationServerMetadataEndpoint(metadata ->
                                        metadata.authorizationServerMetadataCustomizer(
                                                claims -> claims.grantTypes(grants -> {
                                                            grants.clear();
                                                            grants.add("authorization_code");
                                                            grants.add("refresh_token");
                                                        })
                                                        .tokenEndpointAuthenticationMethods(methods -> {
                                                            methods.clear();
                                                            methods.add("none");
                                                        })
                                                        .codeChallengeMethods(methods -> {
                                                            methods.clear();
                                                            methods.add("S256");
                                                        })
                                                        .scopes(scopes -> {
                                                            scopes.clear();
                                                            scopes.addAll(Scope.wireNames());
                                                        })
                                                        // Revocation and introspection need client
                                                        // authentication, which public clients lack;
                                                        // certificate- and DPoP-bound tokens are not
                                                        // offered to them either.
                                                        .claims(advertised -> List.of(
                                                                        "revocation_endpoint",
                                                                        "revocation_endpoint_auth_methods_supported",
                                                                        "introspection_endpoint",
                                                                        "introspection_endpoint_auth_methods_supported",
                                                                        "tls_client_certificate_bound_access_tokens",
                                                                        "dpop_signing_alg_values_supported")
                                                                .forEach(advertised::remove)))))
                .authorizeHttpRequests(requests -> requests.requestMatchers(pages)
                        .permitAll()
                        .requestMatchers(paths.matcher(RegistrationThrottle.PATH))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // The sign-in forms are CSRF-protected; the protocol endpoints are not form-driven
                // (the consent post is bound by its state parameter instead).
                .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
                .headers(headers -> headers.defaultsDisabled()
                        .contentTypeOptions(options -> {})
                        .cacheControl(cache -> {})
                        .addHeaderWriter(
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY))
                        .addHeaderWriter(new ContentSecurityPolicyHeaderWriter(PAGE_POLICY))
                        .addHeaderWriter(
                                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(AuthorizationPages.LOGIN)))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(
                        new RegistrationThrottle(
                                properties.registrationsPerAddressPerHour(),
                                properties.registrationsPerHour(),
                                problems),
                        CsrfFilter.class)
                .addFilterAfter(new ConsentDenialAudit(audit), SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    OAuthSigningKey oauthSigningKey(JdbcClient jdbc, Clock clock) {
        return OAuthSigningKey.loadOrCreate(jdbc, clock);
    }

    /**
     * Verified against the system clock, not the application's {@link Clock}: Spring Authorization
     * Server stamps codes and tokens with {@code Instant.now()}, so both sides must read the same time.
     */
    @Bean
    OAuthAccessTokens oauthAccessTokens(OAuthSigningKey key) {
        return new McpAccessTokens(key, Clock.systemUTC());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(OAuthSigningKey key) {
        return new ImmutableJWKSet<>(new JWKSet(List.of(key.pair())));
    }

    /**
     * The authorization server's configurer needs a decoder of its own tokens. Boot supplies one
     * only in a web application, and the operator's commands run without a web server, so it is
     * declared here for both.
     */
    @Bean
    JwtDecoder oauthJwtDecoder(JWKSource<SecurityContext> keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }

    @Bean
    OAuth2TokenGenerator<?> oauthTokenGenerator(JWKSource<SecurityContext> keys, InteractiveSignIn signIn) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(new McpTokenClaims(signIn));
        return new DelegatingOAuth2TokenGenerator(jwt, new PublicClientRefresh.Tokens());
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc, AuditLog audit) {
        return new AuditedClients.Registrations(new JdbcRegisteredClientRepository(jdbc), audit);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate jdbc, RegisteredClientRepository clients, AuditLog audit) {
        return new AuditedClients.Consents(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), audit);
    }

    /**
     * The issuer is {@code SEXTANT_PUBLIC_URL} when absolute, else the URL each request came in on:
     * the same base the resource's URL (the tokens' audience) is built from.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(McpResource mcp) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        String configured = mcp.configuredBaseUrl();
        if (configured != null) {
            settings.issuer(configured);
        }
        return settings.build();
    }
}
