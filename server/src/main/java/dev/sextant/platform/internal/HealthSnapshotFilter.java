package dev.sextant.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves {@code /health} and its probes from a snapshot of the actuator's answer that is at most
 * {@link #MAX_AGE} old. Load balancers and orchestrators poll these paths hard; rendering the
 * composite health for every poll would cost more than the requests it guards. Dependency checks
 * are already reused for {@code sextant.health.max-age}, so the snapshot hides nothing fresher.
 *
 * <p>One request at a time renders a stale snapshot through the real endpoint; the others keep
 * getting the previous one meanwhile. Probe requests skip the HTTP metrics, as health probes
 * usually do.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HealthSnapshotFilter extends OncePerRequestFilter {

    static final Duration MAX_AGE = Duration.ofMillis(500);
    private static final Set<String> PATHS = Set.of("/health", "/health/liveness", "/health/readiness");
    private static final Set<String> PER_REQUEST_HEADERS = Set.of(
            "x-request-id", "content-length", "content-type", "date", "transfer-encoding", "strict-transport-security");

    /** Headers the first rendering set (security headers and the like), replayed on every answer. */
    private record Snapshot(int status, byte[] body, Map<String, String> headers, long renderedAtNanos) {
        boolean isFresh() {
            return System.nanoTime() - renderedAtNanos < MAX_AGE.toNanos();
        }
    }

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> rendering = Map.of(
            "/health",
            new ReentrantLock(),
            "/health/liveness",
            new ReentrantLock(),
            "/health/readiness",
            new ReentrantLock());

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !PATHS.contains(request.getRequestURI())
                || request.getQueryString() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Snapshot snapshot = snapshots.get(path);
        if (snapshot == null || !snapshot.isFresh()) {
            ReentrantLock lock = rendering.get(path);
            if (snapshot == null) {
                lock.lock();
            } else if (!lock.tryLock()) {
                write(snapshot, response);
                return;
            }
            try {
                snapshot = snapshots.get(path);
                if (snapshot == null || !snapshot.isFresh()) {
                    snapshot = render(request, response, chain);
                    snapshots.put(path, snapshot);
                }
            } finally {
                lock.unlock();
            }
        }
        write(snapshot, response);
    }

    private static Snapshot render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!PER_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, response.getHeader(name));
            }
        }
        return new Snapshot(
                capture.getStatus(), capture.getContentAsByteArray(), Map.copyOf(headers), System.nanoTime());
    }

    private static void write(Snapshot snapshot, HttpServletResponse response) throws IOException {
        response.setStatus(snapshot.status());
        snapshot.headers().forEach(response::setHeader);
        // Plain JSON for every client, whatever vendor type the actuator negotiated for the first one.
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(snapshot.body().length);
        response.getOutputStream().write(snapshot.body());
    }
}
