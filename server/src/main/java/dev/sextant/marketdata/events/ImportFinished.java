package dev.sextant.marketdata.events;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.platform.UserId;
import java.time.Instant;

/**
 * An import of a file of bars committed: published once, after the {@link BarsStored} of its write
 * (when it stored anything), with the counts the import's answer has. An import that stored nothing
 * new (the same file again) still finished and is published, with {@code added} and
 * {@code restated} zero. Imported bars are for every user to see.
 *
 * @param importedBy the account that imported: the symbol's owner, unless an administrator imported
 *     over another account's symbol (which leaves the owner as it was)
 * @param bars how many bars the file held
 * @param added bars new to the store
 * @param restated bars whose stored values the file replaced with a new version
 * @param knownAt the moment the written versions are stamped with
 */
public record ImportFinished(
        String symbol, UserId importedBy, BarInterval interval, int bars, int added, int restated, Instant knownAt)
        implements MarketDataEvent {

    public ImportFinished {
        Check.notBlank(symbol, "symbol");
        Check.notNull(importedBy, "importedBy");
        Check.notNull(interval, "interval");
        Check.notNull(knownAt, "knownAt");
        if (bars < 1 || added < 0 || restated < 0 || added + restated > bars) {
            throw new IllegalArgumentException(
                    "added + restated must be at most bars (at least 1): " + bars + ", " + added + ", " + restated);
        }
    }
}
