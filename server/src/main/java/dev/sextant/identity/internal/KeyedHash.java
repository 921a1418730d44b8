package dev.sextant.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 under a server key derived from the token signing key, one derived key per domain
 * (API keys, recovery codes). For random secrets that must be looked up fast: stolen hashes are
 * useless without the server key, and no request pays a slow password hash.
 */
@Component
class KeyedHash {

    private final byte[] root;

    KeyedHash(SigningKey signingKey) {
        this.root = signingKey.bytes();
    }

    /** The keyed hash of {@code value} in {@code domain}, hex. */
    String hash(String domain, String value) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(root, "HmacSHA256"));
            byte[] key = derive.doFinal(("sextant/" + domain + "/v1").getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
