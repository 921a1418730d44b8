/**
 * Analysis over market data: technical indicators now; risk metrics and the FK-DSL next. Every
 * computation reads its bars through {@link dev.sextant.marketdata.MarketDataService}, so it sees
 * exactly what {@code GET /api/v1/bars} serves for the same range.
 */
package dev.sextant.analysis;
