package dev.sextant.analytics.query;

import dev.sextant.analytics.check.ComputeCheckpoint;
import java.time.Duration;

/**
 * The compute time a query has left. Time is counted only between {@link #start()} and
 * {@link #stop()}, so fetching data does not use it up; {@link #check()} may be called from
 * several threads while a statement computes in parallel, and by the kernels' checkpoints
 * ({@link ComputeCheckpoint}) while it runs under them.
 */
final class ComputeBudget implements ComputeCheckpoint.Limit {

    private final Duration limit;
    private final long limitNanos;
    private long spentNanos;
    private volatile long startedAt;

    ComputeBudget(Duration limit) {
        this.limit = limit;
        this.limitNanos = limit.toNanos();
    }

    void start() {
        startedAt = System.nanoTime();
        check();
    }

    void stop() {
        spentNanos += System.nanoTime() - startedAt;
    }

    @Override
    public void check() {
        if (spentNanos + (System.nanoTime() - startedAt) > limitNanos) {
            throw new ComputeBudgetExceeded(limit);
        }
    }
}
