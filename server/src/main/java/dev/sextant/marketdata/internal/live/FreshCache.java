package dev.sextant.marketdata.internal.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cache for values that go stale on a schedule (quotes): fresh values are served as they are;
 * values past their freshness but within their stale window are served flagged {@code stale} while
 * one background refresh runs (stale-while-revalidate); anything older is fetched. Concurrent
 * requests for the same key share one fetch (single-flight), and with a {@link SharedCache} nodes
 * share values and the fetch lock, so a deployment asks a provider once per key and freshness
 * period. A failed fetch is never cached; a failed refresh leaves the stale value in place.
 */
public final class FreshCache<V> {

    private static final Logger log = LoggerFactory.getLogger(FreshCache.class);

    /** Until when a value is fresh, and until when it may still be served stale. */
    public record Freshness(Instant freshUntil, Instant staleUntil) {}

    /** A value as served. */
    public record Hit<V>(V value, Instant fetchedAt, boolean stale) {}

    /** Counters for the admin view. */
    public record Stats(
            String name, long hits, long staleHits, long sharedHits, long misses, long failures, long size) {
        public double hitRatio() {
            long total = hits + staleHits + sharedHits + misses;
            return total == 0 ? 0 : Math.round((hits + staleHits + sharedHits) * 1000.0 / total) / 1000.0;
        }
    }

    private record Entry<V>(V value, Instant fetchedAt, Instant freshUntil, Instant staleUntil) {}

    /** An entry as stored in the shared cache. */
    private record SharedEntry(String value, long fetchedAt, long freshUntil, long staleUntil) {}

    private final String name;
    private final Class<V> type;
    private final Clock clock;
    private final ExecutorService executor;
    private final SharedCache shared;
    private final JsonMapper json;
    private final Duration lockWait;
    private final Cache<String, Entry<V>> local;
    private final SingleFlight<String, Entry<V>> flights = new SingleFlight<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder staleHits = new LongAdder();
    private final LongAdder sharedHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * @param shared null when there is no shared cache (a single node)
     * @param lockWait how long a node waits for another node's fetch before fetching itself
     */
    public FreshCache(
            String name,
            Class<V> type,
            Clock clock,
            ExecutorService executor,
            SharedCache shared,
            JsonMapper json,
            Duration lockWait,
            long maximumSize) {
        this.name = name;
        this.type = type;
        this.clock = clock;
        this.executor = executor;
        this.shared = shared;
        this.json = json;
        this.lockWait = lockWait;
        // Freshness is judged by the injected clock; Caffeine only bounds memory and drops the long dead.
        this.local = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(Duration.ofDays(1))
                .build();
    }

    public Hit<V> get(String key, Supplier<V> loader, Function<V, Freshness> freshness) {
        Instant now = clock.instant();
        Entry<V> entry = local.getIfPresent(key);
        if (entry != null && now.isBefore(entry.freshUntil())) {
            hits.increment();
            return new Hit<>(entry.value(), entry.fetchedAt(), false);
        }
        if (entry != null && now.isBefore(entry.staleUntil())) {
            staleHits.increment();
            refreshInBackground(key, loader, freshness);
            return new Hit<>(entry.value(), entry.fetchedAt(), true);
        }
        Entry<V> loaded = load(key, loader, freshness);
        return new Hit<>(loaded.value(), loaded.fetchedAt(), false);
    }

    public void invalidate(String key) {
        local.invalidate(key);
    }

    public Stats stats() {
        return new Stats(
                name,
                hits.sum(),
                staleHits.sum(),
                sharedHits.sum(),
                misses.sum(),
                failures.sum(),
                local.estimatedSize());
    }

    private void refreshInBackground(String key, Supplier<V> loader, Function<V, Freshness> freshness) {
        if (flights.inFlight(key)) {
            return;
        }
        executor.execute(() -> {
            try {
                load(key, loader, freshness);
            } catch (RuntimeException e) {
                log.debug("Background refresh of {} {} failed; the stale value stays: {}", name, key, e.getMessage());
            }
        });
    }

    /** One fetch per key at a time: the first caller leads, the others wait for its result. */
    private Entry<V> load(String key, Supplier<V> loader, Function<V, Freshness> freshness) {
        return flights.run(key, () -> {
            try {
                // A flight may have landed between our look at the cache and taking the lead.
                Entry<V> landed = local.getIfPresent(key);
                return landed != null && clock.instant().isBefore(landed.freshUntil())
                        ? landed
                        : fetch(key, loader, freshness);
            } catch (RuntimeException e) {
                failures.increment();
                throw e;
            }
        });
    }

    private Entry<V> fetch(String key, Supplier<V> loader, Function<V, Freshness> freshness) {
        if (shared == null) {
            return fetchUpstream(key, loader, freshness);
        }
        Entry<V> fromShared = readShared(key);
        if (fromShared != null) {
            return fromShared;
        }
        if (shared.tryLock(key, lockWait)) {
            try {
                Entry<V> entry = fetchUpstream(key, loader, freshness);
                writeShared(key, entry);
                return entry;
            } finally {
                shared.unlock(key);
            }
        }
        // Another node is fetching: wait for its value rather than asking the provider a second time.
        Instant giveUp = Instant.now().plus(lockWait);
        while (Instant.now().isBefore(giveUp)) {
            sleep(20);
            Entry<V> arrived = readShared(key);
            if (arrived != null) {
                return arrived;
            }
        }
        return fetchUpstream(key, loader, freshness);
    }

    private Entry<V> fetchUpstream(String key, Supplier<V> loader, Function<V, Freshness> freshness) {
        misses.increment();
        V value = loader.get();
        Instant fetchedAt = clock.instant();
        Freshness times = freshness.apply(value);
        Entry<V> entry = new Entry<>(value, fetchedAt, times.freshUntil(), times.staleUntil());
        local.put(key, entry);
        return entry;
    }

    private Entry<V> readShared(String key) {
        try {
            return shared.get(key)
                    .map(text -> json.readValue(text, SharedEntry.class))
                    .filter(stored -> clock.millis() < stored.freshUntil())
                    .map(stored -> {
                        Entry<V> entry = new Entry<>(
                                json.readValue(stored.value(), type),
                                Instant.ofEpochMilli(stored.fetchedAt()),
                                Instant.ofEpochMilli(stored.freshUntil()),
                                Instant.ofEpochMilli(stored.staleUntil()));
                        local.put(key, entry);
                        sharedHits.increment();
                        return entry;
                    })
                    .orElse(null);
        } catch (RuntimeException e) {
            log.warn("Shared cache read of {} failed; fetching instead: {}", name, e.getMessage());
            return null;
        }
    }

    private void writeShared(String key, Entry<V> entry) {
        try {
            Duration ttl = Duration.between(clock.instant(), entry.staleUntil());
            if (!ttl.isNegative() && !ttl.isZero()) {
                shared.put(
                        key,
                        json.writeValueAsString(new SharedEntry(
                                json.writeValueAsString(entry.value()),
                                entry.fetchedAt().toEpochMilli(),
                                entry.freshUntil().toEpochMilli(),
                                entry.staleUntil().toEpochMilli())),
                        ttl);
            }
        } catch (RuntimeException e) {
            log.warn("Shared cache write of {} failed: {}", name, e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another node's fetch", e);
        }
    }
}
