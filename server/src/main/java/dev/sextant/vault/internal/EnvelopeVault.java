package dev.sextant.vault.internal;

import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.platform.UserId;
import dev.sextant.vault.SecretMask;
import dev.sextant.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Envelope encryption: each secret under its own data key, each data key wrapped by the master
 * key. The secret's associated data is its id, owner and purpose; the wrapped key's is its secret's
 * id and the master key's id. Decryption failures are logged by secret id only.
 */
@Service
class EnvelopeVault implements Vault {

    static final Refusal SECRET_EXISTS = Refusal.of("secret-exists", Refusal.Kind.CONFLICT, "Secret exists");
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9:_.-]{0,39}");
    private static final int MAX_VALUE_LENGTH = 4096;
    private static final Logger log = LoggerFactory.getLogger(EnvelopeVault.class);

    private final VaultRepository repository;
    private final MasterKeyring keyring;
    private final EnvelopeCipher cipher;
    private final Clock clock;

    EnvelopeVault(VaultRepository repository, MasterKeyring keyring, EnvelopeCipher cipher, Clock clock) {
        this.repository = repository;
        this.keyring = keyring;
        this.cipher = cipher;
        this.clock = clock;
    }

    static String secretContext(UUID id, UUID owner, String purpose) {
        return "sextant/vault/secret/v1|" + id + "|" + owner + "|" + purpose;
    }

    static String dataKeyContext(UUID id, String masterKeyId) {
        return "sextant/vault/data-key/v1|" + id + "|" + masterKeyId;
    }

    @Override
    public StoredSecret store(UserId owner, String purpose, String name, String value) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw DomainException.invalidParameter(
                    "purpose", "A purpose is 1 to 40 lower-case letters, digits or : _ . -, e.g. llm:openai.");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalidParameter("name", "A name has 1 to 100 characters.");
        }
        if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
            throw DomainException.invalidParameter(
                    "value", "A secret value has 1 to " + MAX_VALUE_LENGTH + " characters.");
        }
        UUID id = UUID.randomUUID();
        SecretKey dataKey = cipher.newDataKey();
        MasterKeyring.MasterKey master = keyring.current();
        VaultRepository.Row row = new VaultRepository.Row(
                id,
                owner.value(),
                purpose,
                name.strip(),
                cipher.encrypt(
                        dataKey, value.getBytes(StandardCharsets.UTF_8), secretContext(id, owner.value(), purpose)),
                cipher.encrypt(master.key(), dataKey.getEncoded(), dataKeyContext(id, master.id())),
                master.id(),
                SecretMask.mask(value),
                clock.instant());
        try {
            repository.insert(row);
        } catch (DuplicateKeyException exists) {
            throw new DomainException(
                    SECRET_EXISTS,
                    "You already have a secret named '" + row.name() + "' for " + purpose
                            + "; delete it first to replace it.",
                    Map.of("field", "name"));
        }
        return view(row);
    }

    @Override
    public Optional<String> reveal(UserId owner, UUID id, String purpose) {
        return repository
                .find(owner.value(), id)
                .filter(row -> row.purpose().equals(purpose))
                .flatMap(this::decrypt);
    }

    @Override
    public Optional<String> reveal(UserId owner, String purpose, String name) {
        return repository.find(owner.value(), purpose, name).flatMap(this::decrypt);
    }

    @Override
    public List<StoredSecret> list(UserId owner) {
        return repository.findByOwner(owner.value()).stream()
                .map(EnvelopeVault::view)
                .toList();
    }

    @Override
    public boolean delete(UserId owner, UUID id) {
        return repository.delete(owner.value(), id);
    }

    private Optional<String> decrypt(VaultRepository.Row row) {
        try {
            SecretKey dataKey = unwrap(row);
            byte[] plain =
                    cipher.decrypt(dataKey, row.ciphertext(), secretContext(row.id(), row.owner(), row.purpose()));
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalStateException failure) {
            log.error(
                    "Vault secret {} cannot be decrypted ({}): wrong master key or altered row",
                    row.id(),
                    failure.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    SecretKey unwrap(VaultRepository.Row row) throws GeneralSecurityException {
        MasterKeyring.MasterKey master = keyring.find(row.masterKeyId())
                .orElseThrow(() -> new IllegalStateException("unknown master key " + row.masterKeyId()));
        byte[] key = cipher.decrypt(master.key(), row.wrappedKey(), dataKeyContext(row.id(), master.id()));
        try {
            return new SecretKeySpec(key, "AES");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static StoredSecret view(VaultRepository.Row row) {
        return new StoredSecret(row.id(), row.purpose(), row.name(), row.masked(), row.createdAt());
    }
}
