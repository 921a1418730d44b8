package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sextant.platform.DataDirectory;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forged, altered and stale access tokens, each presented over HTTP: every one is refused with 401
 * problem+json, whatever it was signed with. The attacker here even knows the server's HMAC key
 * where that helps show that only the claims stop the token.
 *
 * <p>Each attack runs against an endpoint behind Spring Security's filter chain and against one the
 * hot read path answers ({@link HotReadFilter}), which must refuse exactly the same tokens.
 */
@ParameterizedClass(name = "{0}")
@CsvSource({"/api/v1/me, ADMIN", "/api/v1/quotes/AAPL, USER"})
class TokenAttackHttpTest extends ServerHttpTest {

    @Parameter(0)
    String path;

    @Parameter(1)
    Role victimRole;

    private static final Instant NOW = FixedClockConfiguration.NOW;

    @Autowired
    DataDirectory dataDirectory;

    UserId victim;
    String genuine;
    byte[] serverKey;

    @BeforeEach
    void signIn() throws Exception {
        String username = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        victim = accounts.createAccount(username, null, PASSWORD, Set.of(victimRole), false);
        genuine = anonymous.login(username, PASSWORD).get("accessToken").asString();
        serverKey = Base64.getDecoder()
                .decode(Files.readString(dataDirectory.resolve(SigningKey.KEY_FILE))
                        .strip());
    }

    private Answer ask(String token) {
        return anonymous.withBearer(token).get(path);
    }

    private static void assertRefused(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-token");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("sextant")
                .subject(victim.toString())
                .issueTime(Date.from(NOW))
                .notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(10))))
                .claim("sv", 0);
    }

    private String signWithServerKey(JWTClaimsSet claims, JOSEObjectType type) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims);
        jwt.sign(new MACSigner(serverKey));
        return jwt.serialize();
    }

    @Test
    void test_genuineToken_isAccepted() {
        assertThat(ask(genuine).status()).isEqualTo(200);
    }

    @Test
    void test_algNone_isRefused() {
        String[] parts = genuine.split("\\.");
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
                .toString();

        assertRefused(ask(header + "." + parts[1] + "."));
        assertRefused(ask(header + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void test_rsaSignedToken_isRefused() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims().build());
        jwt.sign(new RSASSASigner(attacker));

        assertRefused(ask(jwt.serialize()));
    }

    @Test
    void test_hmacSignedWithAPublicValue_isRefused() throws Exception {
        // HS/RS confusion: an HMAC keyed with something public (here an RSA public key) instead of the secret.
        byte[] publicKey = new RSAKeyGenerator(2048).generate().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims().build());
        jwt.sign(new MACSigner(publicKey));

        assertRefused(ask(jwt.serialize()));
    }

    static Stream<UnaryOperator<String>> tamperings() {
        return Stream.of(
                token -> token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"),
                token -> {
                    String[] parts = token.split("\\.");
                    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                            .replace("\"sv\":0", "\"sv\":7");
                    return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
                },
                token -> token.replace('.', '!'),
                token -> "",
                token -> token + "." + token);
    }

    @ParameterizedTest
    @MethodSource("tamperings")
    void test_tamperedToken_isRefused(UnaryOperator<String> tamper) {
        assertRefused(ask(tamper.apply(genuine)));
    }

    /** The same bytes in another base64url spelling: each part's last character, and padding. */
    static Stream<UnaryOperator<String>> nonCanonicalEncodings() {
        return Stream.of(TokenAttackHttpTest::withSignaturesLastCharacterAltered, token -> token + "=", token -> {
            String[] parts = token.split("\\.");
            return parts[0] + "=." + parts[1] + "." + parts[2];
        });
    }

    /**
     * The signature with its last character replaced by one that differs only in the bits decoding
     * drops (a 32-byte signature is 43 characters, whose last two bits are unused), so it decodes
     * to the very same bytes.
     */
    private static String withSignaturesLastCharacterAltered(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int cut = token.length() - 1;
        char sibling = alphabet.charAt(alphabet.indexOf(token.charAt(cut)) | 0b11);
        String altered = token.substring(0, cut) + sibling;
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(signature).hasSize(43);
        assertThat(Base64.getUrlDecoder().decode(altered.substring(altered.lastIndexOf('.') + 1)))
                .as("decodes to the same bytes")
                .isEqualTo(Base64.getUrlDecoder().decode(signature));
        return altered;
    }

    @ParameterizedTest
    @MethodSource("nonCanonicalEncodings")
    void test_nonCanonicalEncodingOfAGenuineToken_isRefused(UnaryOperator<String> respell) {
        assertRefused(ask(respell.apply(genuine)));
    }

    @Test
    void test_expiredToken_isRefused() throws Exception {
        JWTClaimsSet expired = claims().issueTime(Date.from(NOW.minus(Duration.ofHours(1))))
                .notBeforeTime(Date.from(NOW.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(1))))
                .build();

        assertRefused(ask(signWithServerKey(expired, new JOSEObjectType("at+jwt"))));
    }

    @Test
    void test_notYetValidToken_isRefused() throws Exception {
        JWTClaimsSet future = claims().notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .build();

        assertRefused(ask(signWithServerKey(future, new JOSEObjectType("at+jwt"))));
    }

    @Test
    void test_tokenOfAnotherKindOrIssuer_isRefused() throws Exception {
        assertRefused(ask(signWithServerKey(claims().build(), JOSEObjectType.JWT)));
        assertRefused(ask(signWithServerKey(claims().issuer("someone-else").build(), new JOSEObjectType("at+jwt"))));
        assertRefused(ask(signWithServerKey(claims().expirationTime(null).build(), new JOSEObjectType("at+jwt"))));
        // The control: the same forgery with every claim right would pass, so the refusals above are the claims'.
        assertThat(ask(signWithServerKey(claims().build(), new JOSEObjectType("at+jwt")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void test_tokenOfADeletedUser_isRefused() {
        accounts.deleteAccount(victim);

        assertRefused(ask(genuine));
    }

    @Test
    void test_otherAuthorizationSchemes_areRefused() {
        Answer basic = anonymous.send(anonymous
                .request(path)
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .GET()
                .build());

        assertRefused(basic);
    }
}
