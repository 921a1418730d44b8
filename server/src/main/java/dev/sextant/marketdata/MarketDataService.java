package dev.sextant.marketdata;

import dev.sextant.platform.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one way into market data. Symbols are canonical and case-insensitive. Unknown symbols,
 * impossible ranges and oversized requests fail with a {@link dev.sextant.platform.DomainException}
 * stating one of the {@link MarketDataRefusals} and naming what to fix.
 *
 * <p>Every call names its {@link Caller}: data bought with a user's own provider key is fetched and
 * cached for that user only, and the call may run on any thread (a parallel fetch, a stream, an
 * agent's tool call), never relying on a request's security context.
 */
public interface MarketDataService {

    /** Every instrument Sextant can serve, ordered by symbol. */
    List<Instrument> instruments(Caller caller);

    Optional<Instrument> instrument(Caller caller, String symbol);

    /**
     * Instruments matching the text, best first: the exact symbol, then symbols starting with it,
     * then names containing it (case-insensitive), at most {@code limit}; from the catalog and, when
     * real providers are on, from every provider that searches, merged by symbol.
     */
    List<SearchHit> search(Caller caller, String text, int limit);

    Quote quote(Caller caller, String symbol);

    /** Quotes in the order asked; fails as a whole, naming every unknown symbol, if any is unknown. */
    List<Quote> quotes(Caller caller, List<String> symbols);

    BarSeries bars(Caller caller, BarRequest request);

    /** A company's reported figures as public on {@code asOf}, optionally only the named concepts. */
    Fundamentals fundamentals(Caller caller, String symbol, LocalDate asOf, Set<String> concepts);
}
