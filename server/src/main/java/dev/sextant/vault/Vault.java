package dev.sextant.vault;

import dev.sextant.platform.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypted storage of users' secrets. Every call names the owner; a secret is only ever found
 * through its owner's id and the purpose it was stored for.
 */
public interface Vault {

    /** Purposes starting with this belong to Sextant itself (e.g. TOTP secrets), not to the user's own keys. */
    String SYSTEM_PURPOSE_PREFIX = "sextant:";

    /** A stored secret as it may be shown: masked, never the value. */
    record StoredSecret(UUID id, String purpose, String name, String masked, Instant createdAt) {}

    /**
     * Encrypts and stores a secret.
     *
     * @param purpose what it is for, e.g. {@code llm:openai} or {@code provider:polygon}
     * @throws dev.sextant.platform.DomainException when the purpose, name or value is unusable, or the
     *     owner already has a secret of that purpose and name
     */
    StoredSecret store(UserId owner, String purpose, String name, String value);

    /** The decrypted value, for the code that uses it (never for an API answer). */
    Optional<String> reveal(UserId owner, UUID id, String purpose);

    /** The owner's secret of that purpose and name, decrypted. */
    Optional<String> reveal(UserId owner, String purpose, String name);

    List<StoredSecret> list(UserId owner);

    boolean delete(UserId owner, UUID id);
}
