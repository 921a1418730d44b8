package dev.sextant.marketdata.events;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.platform.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The bar store wrote bars (new ones or restatements) and the write committed: published once per
 * write that stored anything; a write of bars identical to what is known stores nothing and
 * publishes nothing, and so does a write to a scope that is neither public nor a user's. The store
 * is point in time, so {@code knownAt} is the version a read as of that
 * moment or later sees.
 *
 * @param first the start of the earliest bar written
 * @param last the start of the latest bar written
 * @param count how many bars were written: {@code added + restated}
 * @param provider the source the bars came from ({@code import} for a file)
 * @param knownAt the moment the written versions are stamped with, to the microsecond
 * @param keyOwner present when the bars were bought with that user's own provider key: that user's
 *     news only; empty when any user may see them
 */
public record BarsStored(
        String symbol,
        BarInterval interval,
        Instant first,
        Instant last,
        int count,
        int added,
        int restated,
        String provider,
        Instant knownAt,
        Optional<UserId> keyOwner)
        implements MarketDataEvent {

    public BarsStored {
        Check.notBlank(symbol, "symbol");
        Check.notNull(interval, "interval");
        Check.notNull(first, "first");
        Check.notNull(last, "last");
        Check.notBlank(provider, "provider");
        Check.notNull(knownAt, "knownAt");
        Check.notNull(keyOwner, "keyOwner");
        if (count < 1 || added < 0 || restated < 0 || added + restated != count) {
            throw new IllegalArgumentException(
                    "count must be added + restated and at least 1: " + count + ", " + added + ", " + restated);
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last (" + last + ") is before first (" + first + ")");
        }
    }
}
