package dev.sextant.marketdata;

import dev.sextant.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    /** Without 'from', a read covers this many days up to its end. */
    public static final int DEFAULT_DAYS = 30;

    /**
     * A read by whole UTC days, as the tools and the query language ask: published from the start
     * of {@code from} (default {@value #DEFAULT_DAYS} days before {@code to}) to the end of
     * {@code to} (default {@code asOf}, else today), known by the end of {@code asOf} (null, today
     * or later: now).
     */
    public static NewsQuery days(
            String symbol,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable LocalDate asOf,
            LocalDate today,
            int limit,
            @Nullable String cursor) {
        LocalDate last = to != null ? to : asOf != null && asOf.isBefore(today) ? asOf : today;
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new DomainException(
                    MarketDataRefusals.INVALID_RANGE,
                    "'from' (" + first + ") is after 'to' (" + last + ").",
                    Map.of("parameter", "from"));
        }
        Instant known = asOf == null || !asOf.isBefore(today)
                ? null
                : startOf(asOf.plusDays(1)).minus(1, ChronoUnit.MICROS);
        return new NewsQuery(symbol, startOf(first), startOf(last.plusDays(1)), known, limit, cursor);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    public NewsQuery {
        within(from, "from");
        within(to, "to");
        if (asOf != null) {
            within(asOf, "asOf");
        }
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

    private static void within(Instant moment, String parameter) {
        if (moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) {
            throw DomainException.invalidParameter(parameter, "'" + parameter + "' must lie between 1900 and 2200.");
        }
    }
}
