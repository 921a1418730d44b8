package dev.sextant.marketdata.internal;

import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.platform.Caller;
import java.util.List;
import java.util.Optional;

/** Finds instruments the catalog does not hold (from the providers), so they can be served and added. */
public interface InstrumentResolver {

    /**
     * The instrument under exactly this canonical symbol, if a provider knows it. Refuses with {@link
     * dev.sextant.marketdata.MarketDataRefusals#UPSTREAM_UNAVAILABLE} when the providers could not be
     * asked (the network is down): that is not "unknown".
     */
    Optional<Resolved> resolve(String symbol, Caller caller);

    /**
     * A found instrument. {@code confirmed}: a provider answered for it (listed or priced it); an
     * instrument inferred from its symbol's shape alone is served but never stored, so that a lookup
     * made while the providers were unreachable leaves nothing behind.
     */
    record Resolved(Instrument instrument, boolean confirmed) {}

    /** Instruments the providers find for a search text (upper case). */
    List<SearchHit> search(String text, Caller caller);
}
