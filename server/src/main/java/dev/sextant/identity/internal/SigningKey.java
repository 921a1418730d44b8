package dev.sextant.identity.internal;

import dev.sextant.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs access tokens: {@code SEXTANT_IDENTITY_JWT_SECRET} when set, else a
 * random 256-bit key generated once into {@code jwt-signing.key} in the data directory, readable by
 * the owner only. Under the {@code prod} profile the setting is required (see {@link IdentitySecrets}).
 */
@Component
class SigningKey {

    static final String KEY_FILE = "jwt-signing.key";
    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] key;

    SigningKey(IdentityProperties properties, DataDirectory dataDirectory) {
        String configured = properties.jwtSecret();
        if (!configured.isBlank()) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(
                        "SEXTANT_IDENTITY_JWT_SECRET must have at least " + MIN_SECRET_LENGTH + " characters");
            }
            this.key = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            this.key = loadOrCreate(dataDirectory.resolve(KEY_FILE));
        }
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another process created it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }
}
