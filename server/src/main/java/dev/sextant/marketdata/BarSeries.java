package dev.sextant.marketdata;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;

/**
 * OHLCV bars of one instrument at one interval, oldest first, each bar's time its start in UTC.
 * Immutable and thread-safe.
 */
public record BarSeries(String symbol, BarInterval interval, String provider, boolean demo, OhlcvSeries bars) {

    public BarSeries {
        Check.notBlank(symbol, "symbol");
        Check.notNull(interval, "interval");
        Check.notBlank(provider, "provider");
        Check.notNull(bars, "bars");
    }
}
