package dev.sextant.analysis.internal;

import dev.sextant.analytics.query.QueryLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one FK-DSL query may ask for ({@code SEXTANT_QUERY_*}); a query over a limit is refused
 * with 400 before any data is fetched, one that computes too long with 422.
 *
 * @param maxLength characters of query text
 * @param maxStatements statements separated by {@code ;}
 * @param maxSymbols symbols one statement names, metric arguments included
 * @param maxUniverseSymbols symbols of a universe one SCAN may run over
 * @param maxRows rows one SCAN may return ({@code LIMIT})
 * @param maxSpanYears the longest span a query may name
 * @param maxPeriod the longest indicator period a query may name
 * @param computeTime the time one query may spend computing (fetching data does not count)
 * @param maxDepth levels of operators and parentheses one condition may nest: deeper is a syntax
 *     error with its line and column, never a stack overflow
 * @param threads threads queries compute on; 0 for one fewer than the processors (at least one), so
 *     request handling always keeps a core
 * @param queueWait how long a statement may wait for a query thread before 503
 * @param callerConcurrency queries one caller may have running or waiting at once (429 beyond)
 * @param callerComputeTime compute time one caller's queries may use per {@code callerWindow}
 *     (429 with {@code Retry-After} beyond)
 * @param callerWindow the window the caller's compute time refills over
 * @param fetchConcurrency series one query fetches at once (a SCAN's universe, a statement's
 *     symbols), on virtual threads: enough to hide a provider's latency, few enough not to run
 *     into its rate limits
 */
@Validated
@ConfigurationProperties("sextant.query")
record QueryProperties(
        @Min(100) @Max(1_000_000) @DefaultValue("10000") int maxLength,
        @Min(1) @Max(100) @DefaultValue("10") int maxStatements,
        @Min(1) @Max(1_000) @DefaultValue("50") int maxSymbols,
        @Min(1) @Max(100_000) @DefaultValue("5000") int maxUniverseSymbols,
        @Min(1) @Max(100_000) @DefaultValue("1000") int maxRows,
        @Min(1) @Max(50) @DefaultValue("10") int maxSpanYears,
        @Min(2) @Max(100_000) @DefaultValue("1000") int maxPeriod,
        @DefaultValue("5s") Duration computeTime,

        @Min(2) @Max(QueryLimits.MAX_DEPTH_CEILING) @DefaultValue("100")
        int maxDepth,

        @Min(0) @Max(1_024) @DefaultValue("0") int threads,
        @DefaultValue("10s") Duration queueWait,
        @Min(1) @Max(1_000) @DefaultValue("2") int callerConcurrency,
        @DefaultValue("15s") Duration callerComputeTime,
        @DefaultValue("1m") Duration callerWindow,
        @Min(1) @Max(256) @DefaultValue("8") int fetchConcurrency) {

    QueryProperties {
        for (var duration : java.util.List.of(computeTime, queueWait, callerComputeTime, callerWindow)) {
            if (duration.isNegative() || duration.toMillis() < 1) {
                throw new IllegalArgumentException("sextant.query durations must be at least 1ms, was " + duration);
            }
        }
    }

    QueryLimits limits() {
        return new QueryLimits(
                maxStatements, maxSymbols, maxUniverseSymbols, maxRows, maxSpanYears, maxPeriod, computeTime, maxDepth);
    }
}
