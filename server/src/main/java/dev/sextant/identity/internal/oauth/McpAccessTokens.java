package dev.sextant.identity.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sextant.identity.internal.OAuthAccessTokens;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the authorization server's access tokens where they are used ({@code /mcp}): RS256 with
 * our key and nothing else, then issuer, audience (the MCP endpoint's URL, RFC 8707), expiry and
 * not-before, the subject and the security version the caller then compares with the account.
 */
final class McpAccessTokens implements OAuthAccessTokens {

    static final String SECURITY_VERSION = "sv";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final OAuthSigningKey key;
    private final RSASSAVerifier verifier;
    private final Clock clock;

    McpAccessTokens(OAuthSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
        try {
            this.verifier = new RSASSAVerifier(key.publicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable OAuth signing key", e);
        }
    }

    @Override
    public boolean claimsToBeOurs(String token) {
        try {
            JWSHeader header = SignedJWT.parse(token).getHeader();
            return JWSAlgorithm.RS256.equals(header.getAlgorithm())
                    && key.keyId().equals(header.getKeyID());
        } catch (ParseException notAJwt) {
            return false;
        }
    }

    @Override
    public Optional<Grant> verify(String token, String issuer, String resource) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())
                    || !key.keyId().equals(header.getKeyID())
                    || header.getCriticalParams() != null
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expiry = claims.getExpirationTime();
            Date notBefore = claims.getNotBeforeTime();
            Object version = claims.getClaim(SECURITY_VERSION);
            List<String> audience = claims.getAudience();
            if (!issuer.equals(claims.getIssuer())
                    || audience == null
                    || !audience.contains(resource)
                    || expiry == null
                    || !now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))
                    || (notBefore != null && now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW)))
                    || !(version instanceof Number number)
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            Object clientId = claims.getClaim("client_id");
            return Optional.of(new Grant(
                    UserId.of(claims.getSubject()),
                    number.intValue(),
                    scopes(claims.getClaim("scope")),
                    clientId == null ? "" : clientId.toString()));
        } catch (ParseException | JOSEException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** The {@code scope} claim, a JSON array or a space-separated string; unknown names are dropped. */
    static Set<Scope> scopes(Object claim) {
        Collection<?> names = switch (claim) {
            case null -> List.of();
            case Collection<?> list -> list;
            case String text -> List.of(text.trim().split("\\s+"));
            default -> List.of();
        };
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        names.forEach(name -> Scope.fromWireName(String.valueOf(name)).ifPresent(scopes::add));
        return scopes;
    }
}
