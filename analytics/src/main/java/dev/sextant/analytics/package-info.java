/**
 * Sextant's analytics engine: columnar series on primitive arrays, indicators, risk and statistics.
 *
 * <p>Pure Java with no framework dependency, so the kernels can be benchmarked, embedded and tested
 * on their own. The server feeds it bars from the market-data layer; nothing here does I/O.
 */
@NullMarked
package dev.sextant.analytics;

import org.jspecify.annotations.NullMarked;
