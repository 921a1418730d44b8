package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.internal.provider.ProviderKey;
import java.util.Optional;
import java.util.UUID;

/** Finds the API key a keyed provider should be called with for a user: theirs first, else the server's. */
@FunctionalInterface
public interface KeyResolver {

    /** @param owner the user asking; null for work no user asked for (cache warming) */
    Optional<ProviderKey> keyFor(String providerId, UUID owner);
}
