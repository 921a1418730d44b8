package dev.sextant.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.identity.oauth.OAuthBrowser.Discovery;
import dev.sextant.identity.oauth.OAuthBrowser.Page;
import dev.sextant.identity.oauth.OAuthBrowser.Pkce;
import dev.sextant.platform.Role;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The OAuth flow on PostgreSQL: clients, grants (with their JSON attributes), consents and the
 * signing key through the real JDBC services, from registration to a refreshed token; and the key
 * survives a restart, so tokens issued before it still work after.
 */
@RequiresPostgres
class OAuthOnPostgresTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";

    private static ConfigurableApplicationContext start(PostgresSchema schema, String dataDir, int port) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "server.port=" + port,
                        "sextant.db.url=" + schema.url(),
                        "sextant.db.username=" + RequiresPostgres.USER,
                        "sextant.data-dir=" + dataDir)
                .run();
    }

    /** The same port for both runs: the issuer and the resource URL are the server's URL. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void test_theWholeFlow_onPostgres_andTokensOutliveARestart() {
        String dataDir = "target/test-data/oauth-pg-" + UUID.randomUUID();
        int port = freePort();
        try (PostgresSchema schema = new PostgresSchema()) {
            String accessToken;
            String refreshToken;
            String clientId;
            String resource;
            try (ConfigurableApplicationContext context = start(schema, dataDir, port)) {
                context.getBean(AccountAdministration.class)
                        .createAccount("pg-oauth", null, PASSWORD, Set.of(Role.ANALYST), false);
                OAuthBrowser browser = new OAuthBrowser(port);
                Discovery discovery = browser.discover();
                resource = discovery.resource();
                clientId = browser.register(discovery, "Postgres client");
                Pkce pkce = Pkce.fresh();
                Page toLogin = browser.get(OAuthBrowser.authorizeUrl(
                        discovery,
                        clientId,
                        OAuthBrowser.REDIRECT_URI,
                        "marketdata:read analysis",
                        pkce,
                        "S256",
                        resource,
                        "pg"));
                Page consent = browser.toConsent(browser.signIn(toLogin, "pg-oauth", PASSWORD));
                Map<String, String> back =
                        OAuthBrowser.query(browser.decide(consent, "allow").header("Location"));
                Page tokens = browser.token(
                        discovery, OAuthBrowser.codeExchange(clientId, back.get("code"), pkce.verifier(), resource));
                assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
                accessToken = tokens.json().get("access_token").asString();
                refreshToken = tokens.json().get("refresh_token").asString();
                assertThat(browser.postMcp(accessToken).status()).isNotIn(401, 403);
            }
            try (ConfigurableApplicationContext restarted = start(schema, dataDir, port)) {
                OAuthBrowser browser = new OAuthBrowser(port);
                Discovery discovery = browser.discover();
                assertThat(discovery.resource()).isEqualTo(resource);
                assertThat(browser.postMcp(accessToken).status())
                        .as("a token issued before the restart")
                        .isNotIn(401, 403);
                Page refreshed = browser.token(discovery, OAuthBrowser.refresh(clientId, refreshToken, resource));
                assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
                assertThat(browser.postMcp(refreshed.json().get("access_token").asString())
                                .status())
                        .isNotIn(401, 403);
                assertThat(browser.token(discovery, OAuthBrowser.refresh(clientId, refreshToken, resource))
                                .status())
                        .as("the refresh token it replaced")
                        .isEqualTo(400);
            }
        }
    }
}
