package dev.sextant.marketdata;

import java.util.List;

/**
 * Symbols whose quotes users are likely to open soon, so market data keeps them fresh in the shared
 * cache. Implemented outside market data (the watchlists module implements it with every symbol on
 * anyone's watchlist): market data asks through this interface so it never depends on its users.
 */
public interface QuoteInterest {

    /** Distinct canonical symbols, at most {@code limit}. */
    List<String> symbols(int limit);
}
