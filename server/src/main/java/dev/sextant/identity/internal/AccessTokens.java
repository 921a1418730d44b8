package dev.sextant.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sextant.platform.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies access tokens: JWTs signed with HMAC-SHA256 and nothing else. Verification
 * accepts only tokens in canonical encoding, exactly that algorithm and type (so {@code alg: none}, RSA/HMAC confusion and tokens of
 * another kind are refused before any signature check), then the signature, issuer, expiry and
 * not-before. Whether the account still exists and the token is still current is the caller's
 * next step.
 */
@Component
class AccessTokens {

    static final String ISSUER = "sextant";
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    /** The ticket between the password and the second factor: good for nothing but {@code /auth/login/mfa}. */
    private static final JOSEObjectType MFA_TYPE = new JOSEObjectType("mfa+jwt");

    static final Duration MFA_TTL = Duration.ofMinutes(5);
    private static final String SECURITY_VERSION = "sv";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** What a verified token says: whose it is and which security version it was issued under. */
    record Claims(UserId userId, int securityVersion) {}

    /** A token that passed every check once, with the expiry that still applies on every use. */
    private record Verified(Claims claims, JOSEObjectType type, Instant notBefore, Instant expiry) {}

    // Verifying a JWT (parse, HMAC, claims) is most of what authentication costs per request; a client
    // sends the same token for 15 minutes. Only tokens that passed are kept, and time is checked on each use.
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(20))
            .build();
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(SigningKey key, Clock clock, IdentityProperties properties) throws JOSEException {
        this.signer = new MACSigner(key.bytes());
        this.verifier = new MACVerifier(key.bytes());
        this.clock = clock;
        this.ttl = properties.accessTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    String issue(Account account) {
        return sign(account, TYPE, ttl);
    }

    String issueMfaTicket(Account account) {
        return sign(account, MFA_TYPE, MFA_TTL);
    }

    private String sign(Account account, JOSEObjectType type, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(account.id().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(SECURITY_VERSION, account.securityVersion())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /** The token's claims if it is a genuine, current access token; empty for anything else. */
    Optional<Claims> verify(String token) {
        return verify(token, TYPE);
    }

    /** The ticket's claims if it is a genuine, current second-factor ticket. */
    Optional<Claims> verifyMfaTicket(String ticket) {
        return verify(ticket, MFA_TYPE);
    }

    private Optional<Claims> verify(String token, JOSEObjectType expectedType) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            Instant now = clock.instant();
            boolean current = known.type().equals(expectedType)
                    && now.isBefore(known.expiry().plus(CLOCK_SKEW))
                    && !now.isBefore(known.notBefore().minus(CLOCK_SKEW));
            return current ? Optional.of(known.claims()) : Optional.empty();
        }
        Optional<Verified> checked = check(token, expectedType);
        checked.ifPresent(result -> verified.put(token, result));
        return checked.map(Verified::claims);
    }

    /**
     * Whether every part of the token is in canonical base64url, as this server writes it: no
     * padding, nothing outside the alphabet, and unused trailing bits zero. A lenient decoder maps
     * several strings to the same bytes (the last character of a 32-byte signature carries two
     * bits that decoding drops), so without this check altered tokens would still verify.
     */
    private static boolean isCanonical(SignedJWT jwt) {
        for (Base64URL part : jwt.getParsedParts()) {
            String text = part.toString();
            if (!text.equals(Base64URL.encode(part.decode()).toString())) {
                return false;
            }
        }
        return true;
    }

    private Optional<Verified> check(String token, JOSEObjectType expectedType) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!isCanonical(jwt)
                    || !JWSAlgorithm.HS256.equals(header.getAlgorithm())
                    || !expectedType.equals(header.getType())
                    || header.getCriticalParams() != null
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expiry = claims.getExpirationTime();
            Date notBefore = claims.getNotBeforeTime();
            Object version = claims.getClaim(SECURITY_VERSION);
            if (!ISSUER.equals(claims.getIssuer())
                    || expiry == null
                    || notBefore == null
                    || !now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))
                    || now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))
                    || !(version instanceof Number number)
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new Verified(
                    new Claims(UserId.of(claims.getSubject()), number.intValue()),
                    expectedType,
                    notBefore.toInstant(),
                    expiry.toInstant()));
        } catch (ParseException | JOSEException | IllegalArgumentException notAToken) {
            return Optional.empty();
        }
    }
}
