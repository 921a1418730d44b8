package dev.sextant.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.identity.oauth.OAuthBrowser.Discovery;
import dev.sextant.identity.oauth.OAuthBrowser.Page;
import dev.sextant.identity.oauth.OAuthBrowser.Pkce;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.support.TotpCodes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A remote MCP client connecting with OAuth 2.1 as the MCP authorization spec (2025-11-25) has it,
 * over real HTTP from discovery to refresh, and the ways it must fail.
 */
class OAuthFlowHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    OAuthBrowser browser;
    Discovery discovery;

    @BeforeEach
    void discover() {
        browser = new OAuthBrowser(port);
        discovery = browser.discover();
    }

    /** A user connects a client through every page; answers the token response and the client id. */
    record Connected(String clientId, JsonNode tokens) {
        String accessToken() {
            return tokens.get("access_token").asString();
        }

        String refreshToken() {
            return tokens.get("refresh_token").asString();
        }
    }

    private Connected connect(String username, String scope) {
        String clientId = browser.register(discovery, "Test client " + username);
        Pkce pkce = Pkce.fresh();
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery, clientId, OAuthBrowser.REDIRECT_URI, scope, pkce, "S256", discovery.resource(), "s1"));
        Page consent = browser.toConsent(browser.signIn(toLogin, username, PASSWORD));
        Map<String, String> back =
                OAuthBrowser.query(browser.decide(consent, "allow").header("Location"));
        assertThat(back).containsEntry("state", "s1").containsKey("code");
        Page tokens = browser.token(
                discovery,
                OAuthBrowser.codeExchange(clientId, back.get("code"), pkce.verifier(), discovery.resource()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return new Connected(clientId, tokens.json());
    }

    @Test
    void test_metadata_describesTheMcpResourceAndAPkceOnlyAuthorizationServer() {
        assertThat(discovery.resource()).isEqualTo(browser.base + "/mcp");
        JsonNode resource = discovery.resourceMetadata();
        assertThat(resource.get("scopes_supported").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Scope.wireNames());
        assertThat(resource.get("bearer_methods_supported").get(0).asString()).isEqualTo("header");
        assertThat(browser.get("/.well-known/oauth-protected-resource")
                        .json()
                        .get("resource")
                        .asString())
                .isEqualTo(discovery.resource());
        JsonNode server = discovery.serverMetadata();
        assertThat(server.get("issuer").asString()).isEqualTo(browser.base);
        assertThat(server.get("code_challenge_methods_supported").valueStream().map(JsonNode::asString))
                .containsExactly("S256");
        assertThat(server.get("grant_types_supported").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("authorization_code", "refresh_token");
        assertThat(server.get("token_endpoint_auth_methods_supported")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("none");
        assertThat(server.get("response_types_supported").valueStream().map(JsonNode::asString))
                .containsExactly("code");
        assertThat(server.has("revocation_endpoint")).isFalse();
        assertThat(server.has("introspection_endpoint")).isFalse();
    }

    @Test
    void test_aTwoFactorUser_connectsGetsPastMcpAuthentication_andRefreshRotates() {
        String username = unique("oauth-mfa");
        String secret = enableSecondFactor(signedInAs(username, Role.USER));
        String clientId = browser.register(discovery, "Claude");
        Pkce pkce = Pkce.fresh();
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read analysis",
                pkce,
                "S256",
                discovery.resource(),
                "xyz"));
        Page afterPassword = browser.signIn(toLogin, username, PASSWORD);
        Page wrongCode =
                browser.secondFactor(afterPassword, "000000".equals(TotpCodes.at(secret, 0)) ? "111111" : "000000");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.body()).contains("That code is not valid.");
        Map<String, List<String>> codeForm = wrongCode.form(null);
        codeForm.put("code", List.of(TotpCodes.at(secret, 0)));
        Page consent = browser.toConsent(browser.postForm("/oauth2/login/code", codeForm));
        assertThat(consent.body())
                .contains("Claude")
                .contains("http://127.0.0.1:53682")
                .contains("Read market data")
                .contains("Run computations")
                .doesNotContain("Administer Sextant");
        Map<String, String> back =
                OAuthBrowser.query(browser.decide(consent, "allow").header("Location"));
        assertThat(back).containsEntry("state", "xyz");

        Page tokens = browser.token(
                discovery,
                OAuthBrowser.codeExchange(clientId, back.get("code"), pkce.verifier(), discovery.resource()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        String access = tokens.json().get("access_token").asString();
        JsonNode claims = OAuthBrowser.claims(access);
        // A single audience may be a string or a one-element array (RFC 7519 §4.1.3).
        JsonNode audience = claims.get("aud");
        assertThat(audience.isArray() ? audience.get(0).asString() : audience.asString())
                .isEqualTo(discovery.resource());
        assertThat(audience.isArray() ? audience.size() : 1).isEqualTo(1);
        assertThat(claims.get("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("marketdata:read", "analysis");
        assertThat(tokens.json().get("expires_in").asLong()).isBetween(60L, 900L);

        Page atMcp = browser.postMcp(access);
        assertThat(atMcp.status()).as(atMcp.body()).isNotIn(401, 403);

        String firstRefresh = tokens.json().get("refresh_token").asString();
        Page refreshed = browser.token(discovery, OAuthBrowser.refresh(clientId, firstRefresh, discovery.resource()));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String secondRefresh = refreshed.json().get("refresh_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(refreshed.json().get("access_token").asString()).isNotEqualTo(access);
        assertThat(browser.postMcp(refreshed.json().get("access_token").asString())
                        .status())
                .isNotIn(401, 403);

        Page replayed = browser.token(discovery, OAuthBrowser.refresh(clientId, firstRefresh, discovery.resource()));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(browser.token(discovery, OAuthBrowser.refresh(clientId, secondRefresh, discovery.resource()))
                        .status())
                .isEqualTo(200);

        assertThat(auditCount("LOGIN_SUCCEEDED", userId(username))).isPositive();
        assertThat(auditCount("OAUTH_CONSENT", userId(username))).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'OAUTH_CLIENT_REGISTERED' AND subject = ?")
                        .param(clientId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void test_theMcpChallenge_pointsAtTheMetadata_andOtherPathsKeepTheirAnswers() {
        Page challenge = browser.postMcp(null);
        assertThat(challenge.header("WWW-Authenticate"))
                .startsWith("Bearer ")
                .contains("resource_metadata=\"" + browser.base + "/.well-known/oauth-protected-resource/mcp\"")
                .contains("scope=\"");
        Page api = browser.get("/api/v1/quotes/AAPL");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(api.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void test_anOAuthToken_isRefusedEverywhereButMcp() {
        String username = unique("oauth-api");
        signedInAs(username, Role.USER);
        Connected connected = connect(username, "marketdata:read");
        Page quotes = browser.get("/api/v1/quotes/AAPL", connected.accessToken());
        assertThat(quotes.status()).isEqualTo(401);
        assertThat(quotes.body()).contains("good nowhere else");
        assertThat(browser.get("/api/v1/me", connected.accessToken()).status()).isEqualTo(401);
        assertThat(browser.postMcp(connected.accessToken()).status()).isNotIn(401, 403);
    }

    @Test
    void test_codeExchange_needsTheVerifier_theSameRedirect_andWorksOnce() {
        String username = unique("oauth-code");
        signedInAs(username, Role.USER);
        String clientId = browser.register(discovery, "Code client");
        Pkce pkce = Pkce.fresh();
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read",
                pkce,
                "S256",
                discovery.resource(),
                "s"));
        Page consent = browser.toConsent(browser.signIn(toLogin, username, PASSWORD));
        String code = OAuthBrowser.query(browser.decide(consent, "allow").header("Location"))
                .get("code");

        Page wrongVerifier = browser.token(
                discovery,
                OAuthBrowser.codeExchange(clientId, code, Pkce.fresh().verifier(), discovery.resource()));
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.json().get("error").asString()).isEqualTo("invalid_grant");

        Map<String, String> otherRedirect =
                new java.util.LinkedHashMap<>(OAuthBrowser.codeExchange(clientId, code, pkce.verifier(), null));
        otherRedirect.put("redirect_uri", "http://127.0.0.1:53682/elsewhere");
        Page mismatch = browser.token(discovery, otherRedirect);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("error").asString()).isEqualTo("invalid_grant");

        Page otherResource = browser.token(
                discovery, OAuthBrowser.codeExchange(clientId, code, pkce.verifier(), "https://evil.example/mcp"));
        assertThat(otherResource.status()).isEqualTo(400);
        assertThat(otherResource.json().get("error").asString()).isEqualTo("invalid_target");
    }

    @Test
    void test_aCode_worksOnce() {
        String username = unique("oauth-once");
        signedInAs(username, Role.USER);
        String clientId = browser.register(discovery, "Once client");
        Pkce pkce = Pkce.fresh();
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read",
                pkce,
                "S256",
                discovery.resource(),
                "s"));
        Page consent = browser.toConsent(browser.signIn(toLogin, username, PASSWORD));
        String code = OAuthBrowser.query(browser.decide(consent, "allow").header("Location"))
                .get("code");
        Map<String, String> exchange = OAuthBrowser.codeExchange(clientId, code, pkce.verifier(), discovery.resource());
        Page first = browser.token(discovery, exchange);
        assertThat(first.status()).isEqualTo(200);
        Page reused = browser.token(discovery, exchange);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
        // A replayed code means it leaked: the grant's refresh token dies with it (RFC 9700 §4.2.4).
        Page refresh = browser.token(
                discovery,
                OAuthBrowser.refresh(clientId, first.json().get("refresh_token").asString(), discovery.resource()));
        assertThat(refresh.status()).isEqualTo(400);
    }

    @Test
    void test_authorizationRequests_needS256_ourResource_andARegisteredRedirect() {
        String clientId = browser.register(discovery, "Strict client");
        Pkce pkce = Pkce.fresh();
        Map<String, String> noResource = redirectError(OAuthBrowser.authorizeUrl(
                discovery, clientId, OAuthBrowser.REDIRECT_URI, "marketdata:read", pkce, "S256", null, "a"));
        assertThat(noResource).containsEntry("error", "invalid_target").containsEntry("state", "a");
        Map<String, String> otherResource = redirectError(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read",
                pkce,
                "S256",
                "https://evil.example/mcp",
                "b"));
        assertThat(otherResource).containsEntry("error", "invalid_target");
        Map<String, String> plain = redirectError(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read",
                new Pkce(pkce.verifier(), pkce.verifier()),
                "plain",
                discovery.resource(),
                "c"));
        assertThat(plain).containsEntry("error", "invalid_request");

        Page unregistered = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                "http://127.0.0.1:9/stolen",
                "marketdata:read",
                pkce,
                "S256",
                discovery.resource(),
                "d"));
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(unregistered.header("Location")).isNull();
    }

    private Map<String, String> redirectError(String authorizeUrl) {
        Page answer = browser.get(authorizeUrl);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        assertThat(answer.header("Location")).startsWith(OAuthBrowser.REDIRECT_URI);
        return OAuthBrowser.query(answer.header("Location"));
    }

    @Test
    void test_scopesBeyondTheRole_areNeitherOfferedNorGranted() {
        String username = unique("oauth-escalate");
        signedInAs(username, Role.USER);
        String clientId = browser.register(discovery, "Greedy client");
        Pkce pkce = Pkce.fresh();
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "admin marketdata:read",
                pkce,
                "S256",
                discovery.resource(),
                "e"));
        Page consent = browser.toConsent(browser.signIn(toLogin, username, PASSWORD));
        assertThat(consent.form("allow").get("scope")).containsExactly("marketdata:read");
        assertThat(consent.body()).contains("Not available to your account, so not granted: admin");
        // A hand-made consent naming admin anyway still yields no admin scope.
        Map<String, List<String>> forged = consent.form("allow");
        forged.put("scope", List.of("admin", "marketdata:read"));
        Page back = browser.postForm("/oauth2/authorize", forged);
        assertThat(back.status()).isEqualTo(302);
        String code = OAuthBrowser.query(back.header("Location")).get("code");
        Page tokens = browser.token(
                discovery, OAuthBrowser.codeExchange(clientId, code, pkce.verifier(), discovery.resource()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(OAuthBrowser.claims(tokens.json().get("access_token").asString())
                        .get("scope")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("marketdata:read");
    }

    @Test
    void test_deniedConsent_sendsAccessDeniedBack_andIsAudited() {
        String username = unique("oauth-deny");
        signedInAs(username, Role.USER);
        String clientId = browser.register(discovery, "Unwanted client");
        Pkce pkce = Pkce.fresh();
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read",
                pkce,
                "S256",
                discovery.resource(),
                "f"));
        Page consent = browser.toConsent(browser.signIn(toLogin, username, PASSWORD));
        Map<String, String> back =
                OAuthBrowser.query(browser.decide(consent, "deny").header("Location"));
        assertThat(back).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'OAUTH_CONSENT' AND actor = ? "
                                + "AND details LIKE '%denied%'")
                        .param(userId(username))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void test_registration_acceptsOnlyPublicClientsWithSafeRedirects() {
        for (String redirect : List.of(
                "javascript:alert(1)",
                "http://example.com/callback",
                "https://x.example/cb#frag",
                "data:text/html,hi")) {
            Page refused = browser.postJson(
                    discovery.registrationEndpoint(),
                    "{\"client_name\":\"bad\",\"redirect_uris\":[\"" + redirect
                            + "\"],\"token_endpoint_auth_method\":\"none\"}");
            assertThat(refused.status()).as(redirect).isEqualTo(400);
            assertThat(refused.json().get("error").asString()).isEqualTo("invalid_redirect_uri");
        }
        Page confidential = browser.postJson(
                discovery.registrationEndpoint(),
                "{\"client_name\":\"c\",\"redirect_uris\":[\"https://app.example/cb\"],"
                        + "\"token_endpoint_auth_method\":\"client_secret_basic\"}");
        assertThat(confidential.status()).isEqualTo(400);
        Page machine = browser.postJson(
                discovery.registrationEndpoint(),
                "{\"client_name\":\"m\",\"redirect_uris\":[\"https://app.example/cb\"],"
                        + "\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"none\"}");
        assertThat(machine.status()).isEqualTo(400);
        assertThat(machine.json().get("error").asString()).isEqualTo("invalid_client_metadata");
        Page unknownScope = browser.postJson(
                discovery.registrationEndpoint(),
                "{\"client_name\":\"s\",\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":\"openid email\"}");
        assertThat(unknownScope.status()).isEqualTo(400);
        Page https = browser.postJson(
                discovery.registrationEndpoint(),
                "{\"client_name\":\"ok\",\"redirect_uris\":[\"https://app.example/cb\"]}");
        assertThat(https.status()).as(https.body()).isEqualTo(201);
        assertThat(https.json().get("token_endpoint_auth_method").asString()).isEqualTo("none");
        assertThat(https.json().has("client_secret")).isFalse();
    }

    @Test
    void test_aDeletedAccountsTokens_stopAtMcp_andDoNotRefresh() {
        String username = unique("oauth-gone");
        signedInAs(username, Role.USER);
        Connected connected = connect(username, "marketdata:read");
        assertThat(browser.postMcp(connected.accessToken()).status()).isNotIn(401, 403);
        accounts.deleteAccount(dev.sextant.platform.UserId.of(userId(username)));
        Page refused = pollUntil401(connected.accessToken());
        assertThat(refused.header("WWW-Authenticate"))
                .contains("error=\"invalid_token\"")
                .contains("resource_metadata=\"");
        Page refresh = browser.token(
                discovery, OAuthBrowser.refresh(connected.clientId(), connected.refreshToken(), discovery.resource()));
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void test_loggingOutEverywhere_endsTheOAuthGrant() {
        String username = unique("oauth-logout");
        var session = signedInAs(username, Role.USER);
        Connected connected = connect(username, "marketdata:read");
        assertThat(session.postJson("/api/v1/auth/logout-all", "{}").status()).isBetween(200, 204);
        pollUntil401(connected.accessToken());
        Page refresh = browser.token(
                discovery, OAuthBrowser.refresh(connected.clientId(), connected.refreshToken(), discovery.resource()));
        assertThat(refresh.status()).isEqualTo(400);
    }

    @Test
    void test_anAccountThatMustChangeItsPassword_isTurnedAwayWithAReason() {
        String username = unique("oauth-pending");
        accounts.createAccount(username, null, PASSWORD, java.util.Set.of(Role.USER), true);
        String clientId = browser.register(discovery, "Early client");
        Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                discovery,
                clientId,
                OAuthBrowser.REDIRECT_URI,
                "marketdata:read",
                Pkce.fresh(),
                "S256",
                discovery.resource(),
                "g"));
        Page blocked = browser.signIn(toLogin, username, PASSWORD);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.body()).contains("must set a new password first");
    }

    @Test
    void test_theSignInForm_needsItsCsrfToken() {
        String username = unique("oauth-csrf");
        signedInAs(username, Role.USER);
        Page forged =
                browser.postForm("/oauth2/login", Map.of("username", List.of(username), "password", List.of(PASSWORD)));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.postForm(
                                "/oauth2/login",
                                Map.of(
                                        "username", List.of(username),
                                        "password", List.of(PASSWORD),
                                        "_csrf", List.of(UUID.randomUUID().toString())))
                        .status())
                .isEqualTo(403);
    }

    /** Accounts are cached for a few seconds per node: a deletion shows within that bound. */
    private Page pollUntil401(String accessToken) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        Page last;
        do {
            last = browser.postMcp(accessToken);
            if (last.status() == 401) {
                return last;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last.status() + " after 20 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(username)
                .query((row, number) -> row.getString(1))
                .single();
    }

    private long auditCount(String type, String actor) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND actor = ?")
                .params(type, actor)
                .query(Long.class)
                .single();
    }
}
