package dev.sextant.marketdata;

import dev.sextant.platform.DomainException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which articles to read: published in {@code [from, to)} and known at {@code asOf}, newest first,
 * at most {@code limit} (1 to {@value #MAX_LIMIT}), after {@code cursor} (a previous page's
 * {@link NewsPage#nextCursor()}; null for the first page).
 *
 * @param asOf null for "now": the symbol's news is brought up to date first (when past its
 *     freshness) and the read sees everything stored; a moment in the past reads what was known
 *     then and asks no provider, since nothing fetched now was known then; a moment in the future
 *     is read as now
 */
public record NewsQuery(
        String symbol,
        Instant from,
        Instant to,
        @Nullable Instant asOf,
        int limit,
        @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public NewsQuery {
        if (from.isAfter(to)) {
            throw new DomainException(
                    MarketDataRefusals.INVALID_RANGE,
                    "'from' (" + from + ") is after 'to' (" + to + ").",
                    Map.of("parameter", "from"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidParameter("limit", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
    }
}
