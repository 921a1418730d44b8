package dev.sextant.marketdata.internal;

import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.SearchHit;
import java.util.List;
import java.util.Optional;

/** Finds instruments the catalog does not hold (from the providers), so they can be served and added. */
interface InstrumentResolver {

    /** The instrument under exactly this canonical symbol, if a provider knows it. */
    Optional<Instrument> resolve(String symbol);

    /** Instruments the providers find for a search text (upper case). */
    List<SearchHit> search(String text);
}
