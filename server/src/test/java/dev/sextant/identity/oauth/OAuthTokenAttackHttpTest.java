package dev.sextant.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.sextant.identity.oauth.OAuthBrowser.Page;
import dev.sextant.platform.Role;
import dev.sextant.support.ServerHttpTest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tokens made by hand with the server's own signing key (read from the database, as an attacker who
 * had it could) and with others: a genuine one passes, so each variant that fails, fails for the one
 * thing it changes. Refusals at {@code /mcp} are 401 with {@code error="invalid_token"} and the
 * metadata URL, and audited.
 */
class OAuthTokenAttackHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    OAuthBrowser browser;
    RSAKey serverKey;
    String userId;
    int securityVersion;

    @BeforeEach
    void prepare() throws ParseException {
        browser = new OAuthBrowser(port);
        browser.discover(); // the signing key exists once the server runs
        serverKey = RSAKey.parse(jdbc.sql("SELECT jwk FROM oauth_signing_key")
                .query(String.class)
                .single());
        String username = unique("oauth-forge");
        signedInAs(username, Role.USER);
        userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(username)
                .query((row, number) -> row.getString(1))
                .single();
        securityVersion = jdbc.sql("SELECT security_version FROM app_user WHERE id = ?")
                .param(UUID.fromString(userId))
                .query(Integer.class)
                .single();
    }

    private JWTClaimsSet.Builder genuineClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(browser.base)
                .audience(browser.base + "/mcp")
                .subject(userId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("scope", List.of("marketdata:read"))
                .claim("sv", securityVersion)
                .claim("client_id", "hand-made");
    }

    private String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(serverKey.getKeyID())
                        .build(),
                change.apply(genuineClaims()).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertRefused(String token) {
        Page refused = browser.postMcp(token);
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .contains("error=\"invalid_token\"")
                .contains("resource_metadata=\"" + browser.base + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void test_aGenuineToken_getsPastAuthentication() throws JOSEException {
        assertThat(browser.postMcp(token(serverKey, claims -> claims)).status()).isNotIn(401, 403);
    }

    @Test
    void test_aTokenSignedWithAnotherKey_isRefused() throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID(serverKey.getKeyID()).generate();
        long before = refusalsAudited();
        assertRefused(token(other, claims -> claims));
        assertThat(refusalsAudited()).isEqualTo(before + 1);
    }

    @Test
    void test_aTokenForAnotherAudience_isRefused() throws JOSEException {
        assertRefused(token(serverKey, claims -> claims.audience("https://other.example/mcp")));
        assertRefused(token(serverKey, claims -> claims.audience(browser.base + "/api/v1")));
    }

    @Test
    void test_anExpiredToken_orOneFromAnotherIssuer_isRefused() throws JOSEException {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRefused(token(
                serverKey,
                claims -> claims.issueTime(Date.from(past))
                        .notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))));
        assertRefused(token(serverKey, claims -> claims.issuer("https://other.example")));
    }

    @Test
    void test_aTokenOfAnEarlierSecurityVersion_isRefused() throws JOSEException {
        assertRefused(token(serverKey, claims -> claims.claim("sv", securityVersion - 1)));
        assertRefused(token(serverKey, claims -> claims.claim("sv", null)));
    }

    @Test
    void test_anUnsignedToken_isRefused() {
        String unsigned = new PlainJWT(genuineClaims().build()).serialize();
        Page answer = browser.postMcp(unsigned);
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void test_aTokenWithoutAnyScope_getsInsufficientScope() throws JOSEException {
        Page answer = browser.postMcp(token(serverKey, claims -> claims.claim("scope", List.of())));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("WWW-Authenticate"))
                .startsWith("Bearer error=\"insufficient_scope\"")
                .contains("scope=\"marketdata:read")
                .contains("resource_metadata=\"");
    }

    @Test
    void test_theSigningKey_isTheOneStoredAndPublished() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth_signing_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Page jwks = browser.get("/oauth2/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isEqualTo(serverKey.getKeyID());
        assertThat(jwks.json().get("keys").get(0).has("d")).isFalse();
    }

    private long refusalsAudited() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'OAUTH_TOKEN_REFUSED'")
                .query(Long.class)
                .single();
    }
}
