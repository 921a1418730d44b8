package dev.sextant.marketdata.internal.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.platform.UserId;
import dev.sextant.vault.Vault;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Provider keys: the user's own, stored in the vault under purpose {@code provider:<id>}, else the
 * server's from configuration. Lookups are remembered for a minute, so a key added or removed in
 * the vault takes effect within a minute.
 */
final class VaultKeys implements KeyResolver {

    static final String PURPOSE_PREFIX = "provider:";

    private final Vault vault;
    private final ProvidersProperties.Keys serverKeys;
    private final Cache<String, Optional<ProviderKey>> userKeys = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    VaultKeys(Vault vault, ProvidersProperties.Keys serverKeys) {
        this.vault = vault;
        this.serverKeys = serverKeys;
    }

    @Override
    public Optional<ProviderKey> keyFor(String providerId, UUID owner) {
        if (owner != null) {
            Optional<ProviderKey> own = userKeys.get(owner + "|" + providerId, k -> fromVault(providerId, owner));
            if (own.isPresent()) {
                return own;
            }
        }
        return serverKey(providerId).map(value -> new ProviderKey(value, null));
    }

    private Optional<ProviderKey> fromVault(String providerId, UUID owner) {
        String purpose = PURPOSE_PREFIX + providerId;
        return vault.list(new UserId(owner)).stream()
                .filter(secret -> secret.purpose().equals(purpose))
                .min(Comparator.comparing(Vault.StoredSecret::createdAt))
                .flatMap(secret -> vault.reveal(new UserId(owner), secret.id(), purpose))
                .map(value -> new ProviderKey(value, owner));
    }

    private Optional<String> serverKey(String providerId) {
        String key = switch (providerId) {
            case "alphavantage" -> serverKeys.alphavantage();
            case "fmp" -> serverKeys.fmp();
            case "polygon" -> serverKeys.polygon();
            case "finnhub" -> serverKeys.finnhub();
            case "newsapi" -> serverKeys.newsapi();
            default -> null;
        };
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(key);
    }
}
