package dev.sextant.marketdata.events;

import dev.sextant.analytics.check.Check;
import dev.sextant.platform.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A quote fetched fresh from a provider into the quote cache: published once per fetch (a read's,
 * or the background refresh of a stale entry), never for a read the cache answered. On several
 * nodes sharing a cache, only the node that asked the provider publishes.
 *
 * <p>The demo market publishes none: its quotes are computed on request from a deterministic model,
 * nothing is fetched, and a periodic tick for nobody would be load without news. A stream (issue 13)
 * that serves demo symbols therefore computes their ticks itself on its own schedule, through
 * {@link dev.sextant.marketdata.MarketDataService#quote}; {@code demo} is false on every event
 * published today and stays in the record so a demo source that does publish flags its values as
 * every demo value is flagged. Imported symbols have no quote fetches either: their news is
 * {@link ImportFinished}.
 *
 * @param price the provider's last price, as the quote answers it
 * @param time when the price was made, as the provider reports it
 * @param provider the provider that delivered it
 * @param keyOwner present when it was bought with that user's own provider key: then it is that
 *     user's news only; empty when any user may see it
 */
public record QuoteRefreshed(
        String symbol, double price, Instant time, String provider, boolean demo, Optional<UserId> keyOwner)
        implements MarketDataEvent {

    public QuoteRefreshed {
        Check.notBlank(symbol, "symbol");
        Check.notNull(time, "time");
        Check.notBlank(provider, "provider");
        Check.notNull(keyOwner, "keyOwner");
    }
}
