package dev.sextant.analysis.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one blocking task per key on virtual threads, at most {@code limit} at a time, and answers
 * each outcome by key, in the keys' order. A task answering null declines its key, and after the
 * first failure no further task starts: those keys are left out of the answer, for the caller to
 * run itself, in order, so the failure it reports is the one a sequential run would have met first. If the calling thread is interrupted, the
 * tasks are interrupted too and the outcomes so far are answered, the interrupt flag kept.
 */
final class FanOut {

    /** What one task gave: its value or the failure it threw. */
    sealed interface Outcome<V> {
        record Done<V>(V value) implements Outcome<V> {}

        record Failed<V>(RuntimeException failure) implements Outcome<V> {}
    }

    private FanOut() {}

    static <K, V> Map<K, Outcome<V>> run(List<K> keys, int limit, Function<K, V> task) {
        Semaphore permits = new Semaphore(limit);
        AtomicBoolean failed = new AtomicBoolean();
        Map<K, Future<Outcome<V>>> running = new LinkedHashMap<>();
        Map<K, Outcome<V>> outcomes = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (K key : keys) {
                running.put(key, threads.submit(() -> {
                    permits.acquire();
                    try {
                        if (failed.get()) {
                            return null;
                        }
                        V value = task.apply(key);
                        return value == null ? null : new Outcome.Done<>(value);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        return new Outcome.Failed<>(e);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Map.Entry<K, Future<Outcome<V>>> entry : running.entrySet()) {
                try {
                    Outcome<V> outcome = entry.getValue().get();
                    if (outcome != null) {
                        outcomes.put(entry.getKey(), outcome);
                    }
                } catch (InterruptedException interrupted) {
                    threads.shutdownNow();
                    Thread.currentThread().interrupt();
                    return outcomes;
                } catch (ExecutionException notRun) {
                    // Only an Error or an interrupted wait for a permit end up here: an Error surfaces,
                    // a task that never ran is left to the caller.
                    if (notRun.getCause() instanceof Error error) {
                        throw error;
                    }
                }
            }
        }
        return outcomes;
    }
}
