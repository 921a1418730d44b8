package dev.sextant.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token-bucket request budgets (Bucket4j) on {@code /api/v1} and MCP's {@code /mcp}: per client address for sign-in
 * routes, per account (sessions and API keys alike) for the rest, refilled continuously over a minute. Every answer says
 * where the caller stands ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset}); an
 * exhausted budget gets 429 with {@code Retry-After}. Buckets live in memory, or in Redis when
 * {@code SEXTANT_REDIS_URL} is set, so that all nodes draw on one budget. Runs after Spring
 * Security, so it knows who is asking.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String ACCOUNT_CALLER = "user:";

    enum RouteClass {
        AUTH,
        MARKET_DATA,
        DEFAULT
    }

    private final RateLimitProperties properties;
    private final ProblemWriter problems;
    private final Function<String, Bucket> buckets;
    private final Map<RouteClass, Integer> perMinute;
    private final Map<RouteClass, BucketConfiguration> configurations;
    private final IdentityMetrics metrics;

    RateLimitFilter(
            RateLimitProperties properties,
            ProblemWriter problems,
            ObjectProvider<RedisClient> redis,
            IdentityMetrics metrics) {
        this.properties = properties;
        this.problems = problems;
        this.metrics = metrics;
        this.perMinute = Map.of(
                RouteClass.AUTH,
                properties.authPerMinute(),
                RouteClass.MARKET_DATA,
                properties.marketDataPerMinute(),
                RouteClass.DEFAULT,
                properties.defaultPerMinute());
        this.configurations = new EnumMap<>(RouteClass.class);
        perMinute.forEach((route, requests) -> configurations.put(route, budget(requests)));
        RedisClient client = redis.getIfAvailable();
        this.buckets = client == null ? localBuckets() : redisBuckets(client);
    }

    private static BucketConfiguration budget(int requests) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requests)
                        .refillGreedy(requests, WINDOW)
                        .build())
                .build();
    }

    private Function<String, Bucket> localBuckets() {
        Cache<String, Bucket> local = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(WINDOW.multipliedBy(10))
                .build();
        return key -> local.get(
                key,
                k -> Bucket.builder()
                        .addLimit(configurationFor(k).getBandwidths()[0])
                        .build());
    }

    private Function<String, Bucket> redisBuckets(RedisClient client) {
        ProxyManager<byte[]> manager = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(WINDOW))
                .build();
        return key -> manager.getProxy(key.getBytes(StandardCharsets.UTF_8), () -> configurationFor(key));
    }

    private BucketConfiguration configurationFor(String key) {
        return configurations.get(RouteClass.valueOf(key.substring(key.lastIndexOf(':') + 1)));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // MCP tool calls reach the same faces as /api/v1 and draw on the same per-account budget.
        return !properties.enabled() || !(path.startsWith("/api/v1/") || isMcp(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (admit(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Draws one request from the caller's budget (the authenticated caller must already be in the
     * security context) and says where the caller stands in the response headers; when the budget
     * is exhausted, answers 429 and returns false.
     */
    boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (shouldNotFilter(request)) {
            return true;
        }
        RouteClass route = routeOf(request.getRequestURI());
        int limit = perMinute.get(route);
        ConsumptionProbe probe;
        String caller = caller(request, route);
        try {
            probe = buckets.apply(properties.namespace() + ":" + caller + ":" + route)
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException unavailable) {
            // Redis down: serve rather than refuse everyone; the health endpoint reports it.
            log.warn(
                    "Rate limiting skipped for a request: {}",
                    unavailable.getClass().getSimpleName());
            return true;
        }
        response.setHeader("RateLimit-Limit", Integer.toString(limit));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            return true;
        }
        metrics.refused(
                caller.startsWith(ACCOUNT_CALLER) ? IdentityMetrics.Limiter.ACCOUNT : IdentityMetrics.Limiter.ANONYMOUS,
                route);
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.write(
                request,
                response,
                ProblemType.TOO_MANY_REQUESTS,
                "Request budget exhausted: " + limit + " requests a minute for this kind of request. Try again in "
                        + retryAfter + " seconds.",
                Map.of("retryAfter", retryAfter));
        return false;
    }

    private static boolean isMcp(String path) {
        return path.equals("/mcp") || path.startsWith("/mcp/");
    }

    static RouteClass routeOf(String path) {
        if (path.startsWith("/api/v1/auth/")) {
            return RouteClass.AUTH;
        }
        if (path.startsWith("/api/v1/quotes")
                || path.startsWith("/api/v1/bars")
                || path.startsWith("/api/v1/instruments")
                || path.startsWith("/api/v1/search")) {
            return RouteClass.MARKET_DATA;
        }
        return RouteClass.DEFAULT;
    }

    /**
     * Whose budget: the account's, whichever credential it uses (a session or any of its API keys
     * share one budget, so more keys never buy more requests), or, signing in or anonymous, the
     * client address's.
     */
    private static String caller(HttpServletRequest request, RouteClass route) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (route != RouteClass.AUTH
                && authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof dev.sextant.identity.AuthenticatedUser user) {
            return ACCOUNT_CALLER + user.getName();
        }
        return "addr:" + request.getRemoteAddr();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
