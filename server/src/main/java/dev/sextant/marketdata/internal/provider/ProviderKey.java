package dev.sextant.marketdata.internal.provider;

import java.util.Objects;
import java.util.UUID;

/**
 * An API key for one call, and whose it is. {@link #toString()} never shows the value, so a key
 * that slips into a log line or an exception message stays secret.
 *
 * @param owner the user whose vault held the key; null for a key from the server's configuration
 */
public record ProviderKey(String value, UUID owner) {

    public ProviderKey {
        Objects.requireNonNull(value, "value");
    }

    /** Whether data bought with this key must stay with one user. */
    public boolean isPersonal() {
        return owner != null;
    }

    @Override
    public String toString() {
        return "ProviderKey[" + (owner == null ? "server" : "user " + owner) + ", ****]";
    }
}
