package dev.sextant.marketdata.internal.live;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache shared by every node of a deployment (Redis), and the lock that lets one node fetch a
 * value while the others wait for it.
 */
public interface SharedCache {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    /** Takes the fetch lock for a key unless another node holds it; it expires by itself after {@code ttl}. */
    boolean tryLock(String key, Duration ttl);

    void unlock(String key);
}
