package dev.sextant.alerts.internal;

import dev.sextant.marketdata.Quote;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The evaluations waiting for a thread, fair between users: each user's pending work is one job
 * per symbol (a newer quote replaces the one waiting, so a burst of ticks is one evaluation of the
 * latest), and the threads take one job from each user with work in turn. A user with 100 alerts
 * on 100 symbols therefore delays another user's evaluation by at most one job, never by 100; and
 * the queue holds at most one job per (user, symbol) with active alerts, however fast quotes come.
 * Thread-safe.
 */
final class FairQueue {

    /**
     * One user's evaluation of their alerts on a symbol.
     *
     * @param quote the public quote to evaluate on, or null to fetch the user's own (bought with
     *     their provider key) first
     */
    record Job(UUID owner, String symbol, @Nullable Quote quote) {}

    private final Map<UUID, LinkedHashMap<String, Job>> pending = new HashMap<>();
    /** Users with pending jobs, in the order they are served. */
    private final ArrayDeque<UUID> turns = new ArrayDeque<>();

    /** Queues a job, replacing the user's job for the same symbol if one waits; never blocks. */
    synchronized void offer(Job job) {
        LinkedHashMap<String, Job> jobs = pending.get(job.owner());
        if (jobs == null) {
            jobs = new LinkedHashMap<>();
            pending.put(job.owner(), jobs);
            turns.addLast(job.owner());
        }
        Job waiting = jobs.get(job.symbol());
        // A user's own quote (quote null) is fetched when its job runs, so it is never stale: keep it.
        if (waiting == null || waiting.quote() != null) {
            jobs.put(job.symbol(), job);
        }
        notifyAll();
    }

    /** The next job in turn, waiting for one. */
    synchronized Job take() throws InterruptedException {
        while (turns.isEmpty()) {
            wait();
        }
        return next().orElseThrow();
    }

    /** The next job in turn, if any waits. */
    synchronized Optional<Job> poll() {
        return turns.isEmpty() ? Optional.empty() : next();
    }

    synchronized int size() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    private Optional<Job> next() {
        UUID owner = turns.pollFirst();
        LinkedHashMap<String, Job> jobs = pending.get(owner);
        Map.Entry<String, Job> first = jobs.pollFirstEntry();
        if (jobs.isEmpty()) {
            pending.remove(owner);
        } else {
            turns.addLast(owner);
        }
        return Optional.of(first.getValue());
    }
}
