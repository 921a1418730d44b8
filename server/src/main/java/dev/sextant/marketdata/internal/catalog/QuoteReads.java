package dev.sextant.marketdata.internal.catalog;

import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.Symbols;
import dev.sextant.marketdata.internal.MarketDataProperties;
import dev.sextant.platform.Caller;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the quote endpoints answer, checks included: one piece for {@link MarketDataController}
 * and the hot read path ({@link QuoteHotReads}), so that the two cannot answer differently.
 */
@Component
class QuoteReads {

    /** The batch answer, {@code {"quotes":[...]}}. */
    record QuotesResponse(List<Quote> quotes) {}

    private final MarketDataService marketData;
    private final MarketDataProperties limits;

    QuoteReads(MarketDataService marketData, MarketDataProperties limits) {
        this.marketData = marketData;
        this.limits = limits;
    }

    Quote one(Caller caller, String symbol) {
        return marketData.quote(caller, Symbols.canonical(symbol, "symbol"));
    }

    /** Symbols as the query parameter gives them, comma-separated. */
    QuotesResponse commaSeparated(Caller caller, String symbols) {
        return batch(caller, Arrays.asList(symbols.split(",", -1)));
    }

    QuotesResponse batch(Caller caller, List<String> symbols) {
        return new QuotesResponse(
                marketData.quotes(caller, Symbols.canonicalBatch(symbols, limits.maxBatchSymbols(), "symbols")));
    }
}
