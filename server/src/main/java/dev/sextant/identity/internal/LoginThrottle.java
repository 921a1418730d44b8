package dev.sextant.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Exponential back-off after failed logins, per username and per client address. The first few
 * failures are free ({@code sextant.identity.lockout.*}); each one after that doubles the wait,
 * from one second up to 15 minutes. Usernames are tracked
 * whether or not an account exists, so a lockout never tells an attacker which accounts are real.
 * Kept in memory: on several nodes each enforces its own back-off.
 */
@Component
class LoginThrottle {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private record Failures(int count, Instant blockedUntil) {}

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    private final Clock clock;
    private final int freePerAccount;
    private final int freePerAddress;
    private final IdentityMetrics metrics;

    LoginThrottle(Clock clock, IdentityProperties properties, IdentityMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.freePerAccount = properties.lockout().freeFailuresPerAccount();
        this.freePerAddress = properties.lockout().freeFailuresPerAddress();
    }

    /** How long the caller must wait before trying again, if at all (the attempt is then refused). */
    Optional<Duration> waitFor(String username, String clientAddress) {
        Instant now = clock.instant();
        Optional<Duration> wait = Stream.of(userKey(username), addressKey(clientAddress))
                .map(failures::getIfPresent)
                .filter(f -> f != null && f.blockedUntil().isAfter(now))
                .map(f -> Duration.between(now, f.blockedUntil()))
                .max(Duration::compareTo);
        wait.ifPresent(
                refused -> metrics.refused(IdentityMetrics.Limiter.LOGIN_THROTTLE, RateLimitFilter.RouteClass.AUTH));
        return wait;
    }

    /** Until when sign-in to this username is refused on this node (its own back-off, not its addresses'). */
    Optional<Instant> blockedUntil(String username) {
        Instant now = clock.instant();
        return Optional.ofNullable(failures.getIfPresent(userKey(username)))
                .map(Failures::blockedUntil)
                .filter(until -> until.isAfter(now));
    }

    void recordFailure(String username, String clientAddress) {
        Instant now = clock.instant();
        count(userKey(username), freePerAccount, now);
        count(addressKey(clientAddress), freePerAddress, now);
    }

    private void count(String key, int free, Instant now) {
        failures.asMap().compute(key, (k, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            return new Failures(count, now.plus(delayAfter(count, free)));
        });
    }

    void recordSuccess(String username) {
        failures.invalidate(userKey(username));
    }

    static Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
