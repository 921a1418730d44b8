package dev.sextant.identity.internal.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Open registration is open to anyone, so it is budgeted: a few registrations per client address an
 * hour (an MCP client registers once per install) and a ceiling for the whole node, so a flood of
 * fake clients neither fills the table nor buys anything. Over budget: 429 with {@code Retry-After}.
 */
final class RegistrationThrottle extends OncePerRequestFilter {

    static final String PATH = "/oauth2/register";

    private final Cache<String, Bucket> perAddress = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();
    private final Bucket node;
    private final int perAddressPerHour;
    private final ProblemWriter problems;

    RegistrationThrottle(int perAddressPerHour, int perNodePerHour, ProblemWriter problems) {
        this.perAddressPerHour = perAddressPerHour;
        this.node = hourly(perNodePerHour);
        this.problems = problems;
    }

    private static Bucket hourly(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, Duration.ofHours(1))
                        .build())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket address = perAddress.get(request.getRemoteAddr(), any -> hourly(perAddressPerHour));
        ConsumptionProbe probe = address.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            probe = node.tryConsumeAndReturnRemaining(1);
        }
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    ProblemType.TOO_MANY_REQUESTS,
                    "Too many client registrations. Try again in " + seconds + " seconds.",
                    Map.of("retryAfter", seconds));
            return;
        }
        chain.doFilter(request, response);
    }
}
