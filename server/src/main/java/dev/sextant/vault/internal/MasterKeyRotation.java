package dev.sextant.vault.internal;

import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Re-wraps every data key under the current master key, a batch at a time, each row in one
 * conditional update: the secrets themselves are never decrypted or rewritten, and the server
 * keeps serving throughout (it can unwrap under the old and the new master key meanwhile).
 */
@Component
class MasterKeyRotation {

    private static final int BATCH = 200;

    /** @param failed rows whose data key could not be unwrapped (unknown or wrong master key) */
    record Result(String masterKeyId, int rewrapped, int failed) {}

    private final VaultRepository repository;
    private final MasterKeyring keyring;
    private final EnvelopeCipher cipher;
    private final EnvelopeVault vault;

    MasterKeyRotation(VaultRepository repository, MasterKeyring keyring, EnvelopeCipher cipher, EnvelopeVault vault) {
        this.repository = repository;
        this.keyring = keyring;
        this.cipher = cipher;
        this.vault = vault;
    }

    /** With file keys, first makes a new master key current; with configured keys, uses SEXTANT_MASTER_KEY. */
    Result rotate() {
        MasterKeyring.MasterKey target = keyring.fromConfiguration() ? keyring.current() : keyring.rotateFileKey();
        int rewrapped = 0;
        int failed = 0;
        Set<UUID> skipped = new HashSet<>();
        List<VaultRepository.Row> batch;
        do {
            batch = repository.wrappedByOtherThan(target.id(), BATCH + skipped.size()).stream()
                    .filter(row -> !skipped.contains(row.id()))
                    .limit(BATCH)
                    .toList();
            for (VaultRepository.Row row : batch) {
                try {
                    SecretKey dataKey = vault.unwrap(row);
                    String wrapped = cipher.encrypt(
                            target.key(), dataKey.getEncoded(), EnvelopeVault.dataKeyContext(row.id(), target.id()));
                    if (repository.rewrap(row.id(), row.masterKeyId(), wrapped, target.id())) {
                        rewrapped++;
                    }
                } catch (GeneralSecurityException | IllegalStateException cannotUnwrap) {
                    skipped.add(row.id());
                    failed++;
                }
            }
        } while (!batch.isEmpty());
        return new Result(target.id(), rewrapped, failed);
    }
}
