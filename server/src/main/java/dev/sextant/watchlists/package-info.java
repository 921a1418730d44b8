/**
 * Watchlists and universes: user data about which instruments matter, kept apart from market data.
 *
 * <p>Public face: {@link dev.sextant.watchlists.Watchlists} (a user's named symbol lists) and
 * {@link dev.sextant.watchlists.Universes} (the symbol sets screens and queries run over: built-in
 * ones and each user's watchlists). The module reads market data through its face and tells it which
 * symbols are worth keeping warm through {@link dev.sextant.marketdata.QuoteInterest}; market data
 * never depends on this module.
 */
@NullMarked
package dev.sextant.watchlists;

import org.jspecify.annotations.NullMarked;
