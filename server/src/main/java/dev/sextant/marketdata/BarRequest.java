package dev.sextant.marketdata;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.BarInterval;
import java.time.LocalDate;

/**
 * Which bars to fetch: the sessions from {@code from} to {@code to}, both inclusive, as dates of
 * the instrument's exchange. Immutable and thread-safe.
 */
public record BarRequest(String symbol, BarInterval interval, LocalDate from, LocalDate to) {

    public BarRequest {
        Check.notBlank(symbol, "symbol");
        Check.notNull(interval, "interval");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
    }

    /**
     * A request with the API's defaults for what is left out: {@code to} today (UTC), {@code from}
     * one year back for days, five for weeks, twenty for months, four days for intraday bars.
     * Everything that computes on bars uses it, so it sees exactly the bars {@code GET /bars} serves.
     */
    public static BarRequest withDefaults(
            String symbol, BarInterval interval, LocalDate from, LocalDate to, java.time.Clock clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        LocalDate start = from != null
                ? from
                : switch (interval) {
                    case ONE_DAY -> end.minusYears(1);
                    case ONE_WEEK -> end.minusYears(5);
                    case ONE_MONTH -> end.minusYears(20);
                    default -> end.minusDays(4);
                };
        return new BarRequest(symbol, interval, start, end);
    }
}
