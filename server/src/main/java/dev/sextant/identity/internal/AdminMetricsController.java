package dev.sextant.identity.internal;

import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.Scope;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's vital signs for the administration page, read from the meter registry that also
 * feeds {@code /metrics}: HTTP request count, rate, latency percentiles and error rate, cache hit
 * ratio, JVM heap, threads and uptime, and the busiest routes. JSON for people, where
 * {@code /metrics} is Prometheus text for scrapers.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Administration")
@PreAuthorize("hasRole('ADMIN')")
@RequiresScope(Scope.ADMIN)
class AdminMetricsController {

    static final String HTTP_REQUESTS = "http.server.requests";
    static final int ROUTES = 12;

    /**
     * @param requestsPerMinute the average since the server started
     * @param errorRate the share of requests answered 5xx; clientErrorRate the share answered 4xx
     * @param p50Ms, p95Ms, p99Ms latency percentiles over every request since start, from the histogram
     */
    record Requests(
            long total,
            double requestsPerMinute,
            long serverErrors,
            long clientErrors,
            double errorRate,
            double clientErrorRate,
            double meanMs,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs) {}

    record Caches(long hits, long misses, double hitRatio) {}

    record Jvm(
            long heapUsedBytes,
            long heapCommittedBytes,
            long heapMaxBytes,
            int liveThreads,
            int peakThreads,
            double processCpu) {}

    record Route(String method, String uri, long count, long errors, double meanMs, double maxMs) {}

    record Overview(
            Instant measuredAt, long uptimeSeconds, Requests requests, Caches caches, Jvm jvm, List<Route> routes) {}

    private final MeterRegistry registry;
    private final Clock clock;

    AdminMetricsController(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "The server's vital signs (admin): requests (rate, latency percentiles, error rate), cache "
                    + "hit ratio, JVM heap, threads, uptime, and the busiest routes")
    Overview overview() {
        long uptime = Math.round(gauge("process.uptime", m -> true, TimeUnit.SECONDS));
        return new Overview(clock.instant(), uptime, requests(uptime), caches(), jvm(), routes());
    }

    private Requests requests(long uptimeSeconds) {
        long total = 0;
        long serverErrors = 0;
        long clientErrors = 0;
        double totalMs = 0;
        double maxMs = 0;
        Map<Double, Double> buckets = new TreeMap<>();
        for (Timer timer : registry.find(HTTP_REQUESTS).timers()) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            long count = snapshot.count();
            total += count;
            String status = timer.getId().getTag("status");
            if (status != null && status.startsWith("5")) {
                serverErrors += count;
            } else if (status != null && status.startsWith("4")) {
                clientErrors += count;
            }
            totalMs += snapshot.total(TimeUnit.MILLISECONDS);
            maxMs = Math.max(maxMs, snapshot.max(TimeUnit.MILLISECONDS));
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
        }
        double minutes = Math.max(uptimeSeconds, 1) / 60.0;
        return new Requests(
                total,
                round(total / minutes),
                serverErrors,
                clientErrors,
                total == 0 ? 0 : round((double) serverErrors / total),
                total == 0 ? 0 : round((double) clientErrors / total),
                total == 0 ? 0 : round(totalMs / total),
                percentile(buckets, total, 0.50, maxMs),
                percentile(buckets, total, 0.95, maxMs),
                percentile(buckets, total, 0.99, maxMs),
                round(maxMs));
    }

    /**
     * The latency below which {@code share} of the requests fell, interpolated inside the histogram
     * bucket it lands in (cumulative counts by upper bound), and never above the largest seen.
     */
    static double percentile(Map<Double, Double> cumulative, long total, double share, double maxMs) {
        if (total == 0 || cumulative.isEmpty()) {
            return 0;
        }
        double wanted = share * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            double bound = bucket.getKey();
            double count = bucket.getValue();
            if (count >= wanted) {
                double inBucket = count - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (wanted - lowerCount) / inBucket;
                return round(Math.min(lowerBound + fraction * (bound - lowerBound), maxMs));
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return round(maxMs);
    }

    private Caches caches() {
        double hits = 0;
        double misses = 0;
        for (FunctionCounter counter : registry.find("cache.gets").functionCounters()) {
            String result = counter.getId().getTag("result");
            if ("hit".equals(result)) {
                hits += counter.count();
            } else if ("miss".equals(result)) {
                misses += counter.count();
            }
        }
        hits += registry.find("sextant.quote.cache.hits").functionCounters().stream()
                .mapToDouble(FunctionCounter::count)
                .sum();
        hits += registry.find("sextant.quote.cache.stale.hits").functionCounters().stream()
                .mapToDouble(FunctionCounter::count)
                .sum();
        misses += registry.find("sextant.quote.cache.misses").functionCounters().stream()
                .mapToDouble(FunctionCounter::count)
                .sum();
        double gets = hits + misses;
        return new Caches(Math.round(hits), Math.round(misses), gets == 0 ? 0 : round(hits / gets));
    }

    private Jvm jvm() {
        Predicate<Meter> heap = m -> "heap".equals(m.getId().getTag("area"));
        return new Jvm(
                Math.round(gauge("jvm.memory.used", heap, null)),
                Math.round(gauge("jvm.memory.committed", heap, null)),
                Math.round(gauge("jvm.memory.max", heap.and(m -> m instanceof Gauge g && g.value() >= 0), null)),
                (int) Math.round(gauge("jvm.threads.live", m -> true, null)),
                (int) Math.round(gauge("jvm.threads.peak", m -> true, null)),
                round(gauge("process.cpu.usage", m -> true, null)));
    }

    private List<Route> routes() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, double[]> times = new HashMap<>();
        for (Timer timer : registry.find(HTTP_REQUESTS).timers()) {
            String method = tag(timer, "method");
            String uri = tag(timer, "uri");
            String key = method + " " + uri;
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            double[] t = times.computeIfAbsent(key, k -> new double[2]);
            long count = timer.count();
            c[0] += count;
            if (tag(timer, "status").startsWith("5")) {
                c[1] += count;
            }
            t[0] += timer.totalTime(TimeUnit.MILLISECONDS);
            t[1] = Math.max(t[1], timer.max(TimeUnit.MILLISECONDS));
        }
        List<Route> routes = new ArrayList<>();
        counts.forEach((key, c) -> {
            double[] t = times.get(key);
            int space = key.indexOf(' ');
            routes.add(new Route(
                    key.substring(0, space),
                    key.substring(space + 1),
                    c[0],
                    c[1],
                    c[0] == 0 ? 0 : round(t[0] / c[0]),
                    round(t[1])));
        });
        routes.sort(Comparator.comparingLong(Route::count).reversed().thenComparing(Route::uri));
        return routes.stream().limit(ROUTES).toList();
    }

    private static String tag(Meter meter, String key) {
        String value = meter.getId().getTag(key);
        return value == null ? "" : value;
    }

    /** The sum of the gauges of that name the filter keeps (in {@code unit} for time gauges). */
    private double gauge(String name, Predicate<Meter> filter, TimeUnit unit) {
        double sum = 0;
        for (Meter meter : registry.find(name).meters()) {
            if (!filter.test(meter)) {
                continue;
            }
            if (meter instanceof TimeGauge time) {
                sum += time.value(unit == null ? TimeUnit.SECONDS : unit);
            } else if (meter instanceof Gauge gauge) {
                double value = gauge.value();
                if (!Double.isNaN(value)) {
                    sum += value;
                }
            }
        }
        return sum;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
