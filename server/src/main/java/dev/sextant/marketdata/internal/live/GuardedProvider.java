package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderProfile;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider behind its guards: an outbound rate limit at its published budget (Sextant never asks
 * more often), a bulkhead (at most so many calls in flight; see {@link #call}), a circuit breaker (after repeated
 * failures it is left alone for a while instead of being piled on), and a hard timeout. Every
 * outcome feeds the provider's {@link ProviderScore}.
 */
public final class GuardedProvider {

    private static final Logger log = LoggerFactory.getLogger(GuardedProvider.class);

    /** Guard settings shared by all providers. */
    public record Guards(Duration timeout, int maxConcurrentCalls, int failureRatePercent, Duration openFor) {}

    private final MarketDataProvider provider;
    private final ProviderProfile.RateLimit budget;
    private final ProviderScore score;
    private final CircuitBreaker circuit;
    private final RateLimiter rateLimiter;
    /** Calls in flight (a bulkhead): a fair semaphore, since whether to wait for a slot depends on the call. */
    private final Semaphore inFlight;

    private final Duration timeout;
    private final ExecutorService executor;
    private final Clock clock;

    public GuardedProvider(
            MarketDataProvider provider,
            ProviderProfile.RateLimit rateLimit,
            Guards guards,
            ExecutorService executor,
            Clock clock) {
        this.provider = provider;
        this.budget = rateLimit;
        this.score = new ProviderScore(provider.profile().trust());
        this.timeout = guards.timeout();
        this.executor = executor;
        this.clock = clock;
        this.circuit = CircuitBreaker.of(
                provider.id(),
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(guards.failureRatePercent())
                        .slowCallDurationThreshold(guards.timeout())
                        .slowCallRateThreshold(100)
                        .waitDurationInOpenState(guards.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .build());
        this.rateLimiter = RateLimiter.of(
                provider.id(),
                RateLimiterConfig.custom()
                        .limitForPeriod(rateLimit.requests())
                        .limitRefreshPeriod(rateLimit.per())
                        .timeoutDuration(Duration.ZERO)
                        .build());
        this.inFlight = new Semaphore(guards.maxConcurrentCalls(), true);
    }

    public MarketDataProvider provider() {
        return provider;
    }

    public String id() {
        return provider.id();
    }

    public ProviderProfile profile() {
        return provider.profile();
    }

    /** The outbound limit in force: the provider's published one, or the operator's budget. */
    public ProviderProfile.RateLimit budget() {
        return budget;
    }

    public ProviderScore score() {
        return score;
    }

    public CircuitBreaker.State circuitState() {
        return circuit.getState();
    }

    public float failureRate() {
        return circuit.getMetrics().getFailureRate();
    }

    public int availableRequests() {
        return rateLimiter.getMetrics().getAvailablePermissions();
    }

    /**
     * Whether its circuit is open. The ranking puts such providers last rather than dropping them:
     * asking one costs nothing while it is open, and lets the breaker probe it once the wait is over.
     */
    public boolean isOpen() {
        return circuit.getState() == CircuitBreaker.State.OPEN
                || circuit.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    /**
     * Runs one call under the guards. A failure comes back as a {@link ProviderFailure}: {@code
     * SKIPPED} when a guard held the call back (it never reached the provider). When all of this
     * provider's call slots are busy, a {@code lastResort} call waits for one (at most the
     * timeout); any other moves on at once to the next provider, so a provider that has slowed
     * down cannot hold callers who have somewhere else to go.
     */
    public <T> T call(String what, boolean lastResort, Supplier<T> call) {
        if (!circuit.tryAcquirePermission()) {
            throw new ProviderFailure(id(), ProviderFailure.Kind.SKIPPED, "circuit open");
        }
        if (!rateLimiter.acquirePermission()) {
            circuit.releasePermission();
            throw new ProviderFailure(
                    id(),
                    ProviderFailure.Kind.SKIPPED,
                    "outbound budget of " + budget.requests() + " per " + budget.per() + " used up");
        }
        if (!enter(lastResort)) {
            circuit.releasePermission();
            throw new ProviderFailure(id(), ProviderFailure.Kind.SKIPPED, "too many calls in flight");
        }
        long start = System.nanoTime();
        try {
            T result = withTimeout(call);
            long nanos = System.nanoTime() - start;
            circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
            score.succeeded(nanos / 1e6, clock.instant());
            return result;
        } catch (ProviderFailure failure) {
            long nanos = System.nanoTime() - start;
            if (failure.countsAgainstProvider()) {
                circuit.onError(nanos, TimeUnit.NANOSECONDS, failure);
                score.failed(nanos / 1e6, failure.kind() + ": " + failure.getMessage(), clock.instant());
                log.warn("Provider {} failed {}: {}", id(), what, failure.getMessage());
            } else {
                circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            throw failure;
        } finally {
            inFlight.release();
        }
    }

    private boolean enter(boolean lastResort) {
        try {
            return lastResort ? inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS) : inFlight.tryAcquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> T withTimeout(Supplier<T> call) {
        Future<T> future = executor.submit(call::get);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderFailure(id(), ProviderFailure.Kind.UNAVAILABLE, "no answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderFailure failure) {
                throw failure;
            }
            // A parser tripping over an unexpected answer: the answer was bad, whatever the exception says.
            throw new ProviderFailure(
                    id(),
                    ProviderFailure.Kind.BAD_DATA,
                    "unreadable answer (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderFailure(id(), ProviderFailure.Kind.UNAVAILABLE, "interrupted");
        }
    }
}
