/**
 * Market data: quotes, OHLCV bars, company fundamentals and the instrument catalog, behind one
 * service.
 *
 * <p>Public face: {@link dev.sextant.marketdata.MarketDataService},
 * {@link dev.sextant.marketdata.BarImportService} (imports for callers other than the HTTP upload)
 * and their records. The catalog routes each instrument to the one source that serves it:
 *
 * <ul>
 *   <li>the built-in demo market: synthetic, deterministic sessions, every value flagged {@code demo};
 *   <li>imports: bars a user uploaded from a file, owned by the importing account;
 *   <li>the live providers (Yahoo, Stooq, Binance, CoinGecko, FRED, EDGAR for fundamentals, and
 *       with a user's own key Alpha Vantage, FMP, Polygon), arbitrated: the eligible ones ranked
 *       by their record, each guarded by its rate limit, a bulkhead, a circuit breaker and a
 *       timeout, the runner-up cross-checking quotes; quotes are cached (one fetch per key at a
 *       time, shared through Redis when set up).
 * </ul>
 *
 * <p>Bars are kept in a point-in-time bar store (a restatement is a new version; reads as of a past
 * moment see what was known then), so providers are asked only for what it does not hold yet.
 * Exchange calendars decide which bars are finished; watchlists and universes name the symbol sets
 * that queries scan.
 *
 * <p>News: {@link dev.sextant.marketdata.NewsService}, a symbol's articles point in time (an article
 * stored later is invisible to an earlier read), each stored once across the news providers, with
 * its sentiment and the scorer that produced it; the demo market has synthetic headlines of its own.
 */
@NullMarked
package dev.sextant.marketdata;

import org.jspecify.annotations.NullMarked;
