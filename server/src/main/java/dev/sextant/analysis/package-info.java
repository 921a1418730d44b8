/**
 * Analysis over market data: technical indicators of the registry, risk and rolling metrics,
 * correlations, regressions and FK-DSL queries, behind one face ({@link dev.sextant.analysis.Analysis})
 * that takes the caller explicitly and answers records carrying their provenance. Every computation
 * reads its bars through {@link dev.sextant.marketdata.MarketDataService}, so it sees exactly what
 * {@code GET /api/v1/bars} serves for the same range. The HTTP controllers in {@code internal} only
 * parse parameters, call the face and render.
 */
@NullMarked
package dev.sextant.analysis;

import org.jspecify.annotations.NullMarked;
