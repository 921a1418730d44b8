package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A dependency that {@code /health} reports on (database, cache, later market-data providers),
 * shown with its status, when it was last checked and how long the check took.
 *
 * <p>The probe runs at most once per {@code maxAge}; requests in between get the last result, and
 * while one request refreshes it the others keep getting the previous one instead of queueing. So a
 * load balancer polling {@code /health} hard never turns into load on the database. Subclasses are
 * beans named {@code <component>HealthIndicator}.
 */
public abstract class DependencyHealthIndicator implements HealthIndicator {

    private record Snapshot(Health health, long takenAtNanos) {}

    private static final Logger log = LoggerFactory.getLogger(DependencyHealthIndicator.class);

    private final Clock clock;
    private final long maxAgeNanos;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot last;

    protected DependencyHealthIndicator(Clock clock, Duration maxAge) {
        this.clock = Check.notNull(clock, "clock");
        this.maxAgeNanos = Check.notNull(maxAge, "maxAge").toNanos();
    }

    /**
     * Probes the dependency within a bounded time and returns details to show; throws when it is
     * unhealthy. Details are public: never put a secret, a host name or a connection string in them.
     */
    protected abstract Map<String, Object> probe() throws Exception;

    @Override
    public Health health() {
        Snapshot snapshot = last;
        if (snapshot != null && System.nanoTime() - snapshot.takenAtNanos() < maxAgeNanos) {
            return snapshot.health();
        }
        if (snapshot != null && !refreshing.tryLock()) {
            return snapshot.health();
        }
        if (snapshot == null) {
            refreshing.lock();
        }
        try {
            Snapshot current = last;
            if (current == null || System.nanoTime() - current.takenAtNanos() >= maxAgeNanos) {
                current = check();
                last = current;
            }
            return current.health();
        } finally {
            refreshing.unlock();
        }
    }

    private Snapshot check() {
        long started = System.nanoTime();
        Health.Builder builder;
        try {
            builder = Health.up().withDetails(probe());
        } catch (Exception failure) {
            // The exception's message may hold a URL or a credential: only its kind is shown or logged.
            builder = Health.down().withDetail("error", failure.getClass().getSimpleName());
            log.warn(
                    "Health check {} failed: {}",
                    getClass().getSimpleName(),
                    failure.getClass().getName());
        }
        long finished = System.nanoTime();
        Health health = builder.withDetail("checkedAt", clock.instant().toString())
                .withDetail("latencyMs", Math.round((finished - started) / 10_000.0) / 100.0)
                .build();
        return new Snapshot(health, finished);
    }
}
