package dev.sextant.analysis.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.platform.DomainException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Who may start a query now. Each caller has at most {@link QueryProperties#callerConcurrency()}
 * queries running or waiting, and a compute budget over a window (a token bucket of milliseconds
 * that every statement's compute time is charged to, refilled over {@link
 * QueryProperties#callerWindow()}). A caller over either is refused ({@link AnalysisRefusals#TOO_MANY_QUERIES}, with when to ask again); the
 * other callers are not affected. A query already admitted finishes (within its own compute
 * limit) even if it takes its caller's budget below zero: the debt delays the caller's next query.
 *
 * <p>Kept in memory on each node: a caller spreading queries over several nodes gets a budget on
 * each, which still bounds what they take from any one node.
 */
@Component
class QueryAdmission {

    private final int perCaller;
    private final Duration budget;
    private final Duration window;
    private final QueryMetrics metrics;
    private final ConcurrentHashMap<UUID, Integer> running = new ConcurrentHashMap<>();
    private final Cache<UUID, Bucket> budgets;

    QueryAdmission(QueryProperties properties, QueryMetrics metrics) {
        this.perCaller = properties.callerConcurrency();
        this.budget = properties.callerComputeTime();
        this.window = properties.callerWindow();
        this.metrics = metrics;
        // A bucket left alone for ten windows is full again (debt included), so forgetting it is safe.
        this.budgets = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(10))
                .maximumSize(100_000)
                .build();
    }

    /** A caller's admitted query: charge its compute time, and close it when it ends. */
    final class Ticket implements AutoCloseable {
        private final UUID caller;
        private final Bucket bucket;

        private Ticket(UUID caller, Bucket bucket) {
            this.caller = caller;
            this.bucket = bucket;
        }

        UUID caller() {
            return caller;
        }

        void charge(Duration computed) {
            bucket.consumeIgnoringRateLimits(Math.max(1, computed.toMillis()));
        }

        @Override
        public void close() {
            leave(caller);
        }
    }

    /**
     * Admits one query of {@code caller}, or refuses it.
     *
     * @throws DomainException {@link AnalysisRefusals#TOO_MANY_QUERIES} with its retry time
     */
    Ticket admit(UUID caller) {
        Bucket bucket = budgets.get(
                caller,
                c -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(budget.toMillis())
                                .refillGreedy(budget.toMillis(), window)
                                .build())
                        .build());
        if (bucket.getAvailableTokens() <= 0) {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
            metrics.refused(QueryMetrics.BUDGET);
            throw refused(
                    "Your queries used their compute budget of " + budget.toSeconds() + " seconds per "
                            + window.toSeconds() + " seconds. Try again in " + retryAfter + " seconds.",
                    retryAfter);
        }
        if (!enter(caller)) {
            metrics.refused(QueryMetrics.CONCURRENCY);
            throw refused("You already have " + perCaller + " queries running; wait for one to finish.", 1);
        }
        return new Ticket(caller, bucket);
    }

    private static DomainException refused(String detail, long retryAfter) {
        return new DomainException(
                AnalysisRefusals.TOO_MANY_QUERIES,
                detail,
                Map.of("retryAfter", retryAfter),
                Duration.ofSeconds(retryAfter));
    }

    private boolean enter(UUID caller) {
        boolean[] entered = {false};
        running.compute(caller, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perCaller) {
                return count;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    private void leave(UUID caller) {
        running.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
    }
}
