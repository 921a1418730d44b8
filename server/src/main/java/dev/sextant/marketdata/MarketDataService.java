package dev.sextant.marketdata;

import java.util.List;
import java.util.Optional;

/**
 * The one way into market data. Symbols are canonical and case-insensitive. Unknown symbols,
 * impossible ranges and oversized requests fail with an {@link dev.sextant.platform.ApiProblem}
 * naming what to fix.
 */
public interface MarketDataService {

    /** Every instrument Sextant can serve, ordered by symbol. */
    List<Instrument> instruments();

    Optional<Instrument> instrument(String symbol);

    /**
     * Instruments matching the text, best first: the exact symbol, then symbols starting with it,
     * then names containing it (case-insensitive), at most {@code limit}; from the catalog and, when
     * real providers are on, from every provider that searches, merged by symbol.
     */
    List<SearchHit> search(String text, int limit);

    Quote quote(String symbol);

    /** Quotes in the order asked; fails as a whole, naming every unknown symbol, if any is unknown. */
    List<Quote> quotes(List<String> symbols);

    BarSeries bars(BarRequest request);

    /** A company's reported figures as public on {@code asOf}, optionally only the named concepts. */
    Fundamentals fundamentals(String symbol, java.time.LocalDate asOf, java.util.Set<String> concepts);
}
