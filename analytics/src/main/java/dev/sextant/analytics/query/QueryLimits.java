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
 */
public record QueryLimits(
        int maxStatements,
        int maxSymbols,
        int maxUniverseSymbols,
        int maxRows,
        int maxSpanYears,
        int maxPeriod,
        Duration computeTime) {

    public static final QueryLimits DEFAULTS = new QueryLimits(10, 50, 5_000, 1_000, 10, 1_000, Duration.ofSeconds(5));

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
    }
}
