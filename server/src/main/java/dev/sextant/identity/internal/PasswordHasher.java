package dev.sextant.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes. Each hash records its own parameters ({@code $argon2id$v=19$m=..,t=..,p=..$}),
 * so the parameters can be raised later: a login with an older hash re-hashes the password.
 *
 * <p>Parameters: OWASP's first recommendation for Argon2id (19 MiB memory, 2 iterations, 1 lane),
 * about 50 ms per hash on the project's 2-core machine.
 */
@Component
class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    // Checked against when the account does not exist, so that the answer takes as long either way.
    // Made on first need: an argon2 hash at start-up would delay every server start.
    private volatile String decoy;

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same time as a real check, for a username that has no account. */
    void matchDecoy(String password) {
        String hash = decoy;
        if (hash == null) {
            hash = encoder.encode("decoy password for unknown accounts");
            decoy = hash;
        }
        encoder.matches(password, hash);
    }

    boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
