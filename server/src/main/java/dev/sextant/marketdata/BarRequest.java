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
}
