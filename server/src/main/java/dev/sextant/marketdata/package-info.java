/**
 * Market data: quotes, OHLCV bars and the instrument catalog, behind one service.
 *
 * <p>Public face: {@link dev.sextant.marketdata.MarketDataService} and its records. Today one
 * source serves it, the built-in demo market (synthetic, deterministic, every value flagged
 * {@code demo}); the provider layer with arbitration and caching replaces the internals, not this
 * face or the REST API.
 */
package dev.sextant.marketdata;
