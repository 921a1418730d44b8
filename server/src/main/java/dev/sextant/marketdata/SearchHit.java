package dev.sextant.marketdata;

import java.util.List;

/**
 * An instrument found by a search, with every source that lists it (the catalog's own source, and
 * the providers that returned it), de-duplicated by symbol.
 */
public record SearchHit(Instrument instrument, List<String> providers) {

    public SearchHit {
        providers = List.copyOf(providers);
    }
}
