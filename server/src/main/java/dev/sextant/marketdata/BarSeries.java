package dev.sextant.marketdata;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Instant;

/**
 * OHLCV bars of one instrument at one interval, oldest first, each bar's time its start in UTC.
 * Immutable and thread-safe.
 *
 * @param fetchedAt when Sextant obtained the newest of these bars from their provider
 * @param stale true when the newest bars could not be brought up to date (the provider failed)
 */
public record BarSeries(
        String symbol,
        BarInterval interval,
        String provider,
        boolean demo,
        OhlcvSeries bars,
        Instant fetchedAt,
        boolean stale) {

    public BarSeries {
        Check.notBlank(symbol, "symbol");
        Check.notNull(interval, "interval");
        Check.notBlank(provider, "provider");
        Check.notNull(bars, "bars");
        Check.notNull(fetchedAt, "fetchedAt");
    }
}
