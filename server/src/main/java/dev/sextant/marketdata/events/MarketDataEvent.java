package dev.sextant.marketdata.events;

/** News from market data, about one symbol. Every event is an immutable, thread-safe record. */
public sealed interface MarketDataEvent permits QuoteRefreshed, BarsStored, ImportFinished {

    /** The canonical symbol the news is about. */
    String symbol();
}
