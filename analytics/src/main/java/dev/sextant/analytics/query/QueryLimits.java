package dev.sextant.analytics.query;

import dev.sextant.analytics.check.Check;
import java.time.Duration;

/**
 * What one query may ask for. Checked before any data is fetched, except the compute time, which
 * is checked while the query computes (fetching data does not count against it).
 *
 * @param maxStatements statements separated by {@code ;}
 * @param maxSymbols symbols one statement names, metric arguments included
 * @param maxUniverseSymbols symbols of a universe a SCAN may run over
 * @param maxRows rows a SCAN may return ({@code LIMIT})
 * @param maxSpanYears the longest span, e.g. {@code 10y}
 * @param maxPeriod the longest indicator period, e.g. {@code SMA(1000)}
 * @param computeTime the time a query may spend computing
 * @param maxDepth levels of operators and parentheses one condition may nest (the parser and the
 *     evaluator recurse once per level, so this bounds their stacks)
 */
public record QueryLimits(
        int maxStatements,
        int maxSymbols,
        int maxUniverseSymbols,
        int maxRows,
        int maxSpanYears,
        int maxPeriod,
        Duration computeTime,
        int maxDepth) {

    /** Deep enough for any condition a person writes, far from what would exhaust a thread's stack. */
    public static final int DEFAULT_MAX_DEPTH = 100;

    /** The most a setting may raise {@link #maxDepth()} to: still safe on a 512 KB thread stack. */
    public static final int MAX_DEPTH_CEILING = 1_000;

    public static final QueryLimits DEFAULTS = new QueryLimits(10, 50, 5_000, 1_000, 10, 1_000, Duration.ofSeconds(5));

    /** The limits with the default {@link #maxDepth()}. */
    public QueryLimits(
            int maxStatements,
            int maxSymbols,
            int maxUniverseSymbols,
            int maxRows,
            int maxSpanYears,
            int maxPeriod,
            Duration computeTime) {
        this(
                maxStatements,
                maxSymbols,
                maxUniverseSymbols,
                maxRows,
                maxSpanYears,
                maxPeriod,
                computeTime,
                DEFAULT_MAX_DEPTH);
    }

    public QueryLimits {
        Check.positive(maxStatements, "maxStatements");
        Check.positive(maxSymbols, "maxSymbols");
        Check.positive(maxUniverseSymbols, "maxUniverseSymbols");
        Check.positive(maxRows, "maxRows");
        Check.positive(maxSpanYears, "maxSpanYears");
        Check.positive(maxPeriod, "maxPeriod");
        Check.notNull(computeTime, "computeTime");
        if (computeTime.isNegative() || computeTime.isZero()) {
            throw new IllegalArgumentException("computeTime must be positive, was " + computeTime);
        }
        Check.positive(maxDepth, "maxDepth");
        if (maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth is at most " + MAX_DEPTH_CEILING + ", was " + maxDepth);
        }
    }
}
