package dev.sextant.marketdata.internal.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One load per key at a time: the first caller of {@link #run} for a key leads and runs the load;
 * callers arriving while it runs wait for its result, or get its failure, instead of loading again.
 * Nothing is remembered once a flight lands, so the next call after a success or a failure loads
 * afresh: caching is the caller's job ({@link FreshCache}, {@link BarHistory}'s store). Thread-safe.
 *
 * @param <K> the key; equal keys share a flight
 * @param <V> what a load answers
 */
final class SingleFlight<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

    /** The value {@code load} answers, loaded by this call or by the flight already under way for the key. */
    V run(K key, Supplier<V> load) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            V value = load.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            // Waiters get the leader's failure; an Error too, or they would wait for ever.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** Whether a load for the key is running now. */
    boolean inFlight(K key) {
        return flights.containsKey(key);
    }

    private static <V> V join(CompletableFuture<V> flight) {
        try {
            return flight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
