package dev.sextant.identity.internal.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA key that signs OAuth access tokens. Made once, by the first node to start, and kept in the
 * database ({@code oauth_signing_key}), so restarts and other nodes keep verifying every token
 * issued; never regenerated while a row exists. The oldest row wins, so two nodes starting at once
 * agree on one key.
 */
final class OAuthSigningKey {

    private final RSAKey key;

    private OAuthSigningKey(RSAKey key) {
        this.key = key;
    }

    static OAuthSigningKey loadOrCreate(JdbcClient jdbc, Clock clock) {
        List<String> stored = stored(jdbc);
        if (stored.isEmpty()) {
            try {
                RSAKey fresh = new RSAKeyGenerator(2048)
                        .keyID(UUID.randomUUID().toString())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .generate();
                jdbc.sql("INSERT INTO oauth_signing_key (kid, jwk, created_at) VALUES (?, ?, ?)")
                        .params(fresh.getKeyID(), fresh.toJSONString(), Timestamp.from(clock.instant()))
                        .update();
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate the OAuth signing key", e);
            } catch (DuplicateKeyException madeMeanwhile) {
                // another node made one first: use the oldest
            }
            stored = stored(jdbc);
        }
        try {
            return new OAuthSigningKey(RSAKey.parse(stored.getFirst()));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored OAuth signing key is unreadable", e);
        }
    }

    private static List<String> stored(JdbcClient jdbc) {
        return jdbc.sql("SELECT jwk FROM oauth_signing_key ORDER BY created_at, kid")
                .query(String.class)
                .list();
    }

    /** The key pair, for signing. */
    RSAKey pair() {
        return key;
    }

    /** The public half, for verification and the JWK set. */
    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    String keyId() {
        return key.getKeyID();
    }

    @Override
    public String toString() {
        return "OAuthSigningKey[" + key.getKeyID() + "]";
    }
}
