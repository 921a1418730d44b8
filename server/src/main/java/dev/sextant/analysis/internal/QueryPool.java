package dev.sextant.analysis.internal;

import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.platform.DomainException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads FK-DSL statements compute on: a fork/join pool smaller than the machine, so one core
 * is always left to request handling ({@code /health}, sign-in and cached reads run on virtual
 * threads); a SCAN's parallel parts run in this pool too, never in the common pool.
 *
 * <p>Statements take turns by caller, not by arrival: when a thread frees up, the waiting statement
 * whose caller was served least recently goes next, so a caller with many queued statements delays
 * another caller by one statement at most. A statement that cannot start within {@link
 * QueryProperties#queueWait()} is refused ({@link AnalysisRefusals#QUERY_CAPACITY}) rather than queued without end.
 */
@Component
class QueryPool implements DisposableBean {

    private static final int REMEMBERED_CALLERS = 10_000;

    private final ForkJoinPool pool;
    private final Duration queueWait;
    private final QueryMetrics metrics;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnChanged = lock.newCondition();
    private final List<Waiter> waiting = new ArrayList<>();
    private final Map<UUID, Long> lastServed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_CALLERS;
        }
    };
    private int freeThreads;
    private long arrivals;

    private record Waiter(UUID caller, long arrival) {}

    QueryPool(QueryProperties properties, QueryMetrics metrics) {
        int threads = properties.threads() > 0
                ? properties.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ForkJoinPool(
                threads,
                owner -> {
                    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
                    thread.setName("sextant-query-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                null,
                false);
        this.freeThreads = threads;
        this.queueWait = properties.queueWait();
        this.metrics = metrics;
    }

    /** Runs {@code work} for {@code caller} on a query thread when it is the caller's turn. */
    <T> T compute(UUID caller, Supplier<T> work) {
        awaitTurn(caller);
        try {
            ForkJoinTask<T> task = pool.submit(work::get);
            try {
                return task.get();
            } catch (InterruptedException interrupted) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw busy();
            } catch (ExecutionException failed) {
                throw unchecked(failed.getCause());
            }
        } finally {
            endTurn();
        }
    }

    private void awaitTurn(UUID caller) {
        lock.lock();
        try {
            Waiter me = new Waiter(caller, arrivals++);
            waiting.add(me);
            long left = queueWait.toNanos();
            while (freeThreads == 0 || next() != me) {
                if (left <= 0) {
                    waiting.remove(me);
                    turnChanged.signalAll();
                    throw busy();
                }
                try {
                    left = turnChanged.awaitNanos(left);
                } catch (InterruptedException interrupted) {
                    waiting.remove(me);
                    turnChanged.signalAll();
                    Thread.currentThread().interrupt();
                    throw busy();
                }
            }
            waiting.remove(me);
            freeThreads--;
            lastServed.put(caller, System.nanoTime());
            turnChanged.signalAll(); // a thread may still be free for the next in turn
        } finally {
            lock.unlock();
        }
    }

    /** The waiter whose caller was served least recently (never served first), then the earliest. */
    private Waiter next() {
        return waiting.stream()
                .min(Comparator.comparingLong((Waiter w) -> lastServed.getOrDefault(w.caller(), Long.MIN_VALUE))
                        .thenComparingLong(Waiter::arrival))
                .orElseThrow();
    }

    private void endTurn() {
        lock.lock();
        try {
            freeThreads++;
            turnChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private DomainException busy() {
        metrics.refused(QueryMetrics.CAPACITY);
        return new DomainException(
                AnalysisRefusals.QUERY_CAPACITY,
                "Every query thread is busy; the query could not start within " + queueWait.toSeconds()
                        + " seconds. Try again shortly.",
                Map.of("retryAfter", 1),
                Duration.ofSeconds(1));
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
