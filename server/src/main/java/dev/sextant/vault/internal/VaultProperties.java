package dev.sextant.vault.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master key ({@code SEXTANT_MASTER_KEY}; required under prod).
 *
 * @param masterKey base64 of 32 random bytes ({@code openssl rand -base64 32}); blank on embedded
 *     defaults means a generated key in {@code master.key} in the data directory (owner-only)
 * @param masterKeyPrevious earlier master keys, comma-separated, still accepted for data keys not
 *     yet re-wrapped by {@code ./sextant keys rotate-master}
 */
@ConfigurationProperties("sextant")
record VaultProperties(
        @DefaultValue("") String masterKey,
        @DefaultValue("") String masterKeyPrevious) {

    @Override
    public String toString() {
        return "VaultProperties[masterKey=****, masterKeyPrevious=****]";
    }
}
