/**
 * Columnar price series: epoch-second times and OHLCV columns on primitive arrays, with zero-copy
 * windows; {@code Bar}, one checked bar, for streaming.
 */
@NullMarked
package dev.sextant.analytics.series;

import org.jspecify.annotations.NullMarked;
