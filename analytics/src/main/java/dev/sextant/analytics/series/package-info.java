/** Columnar price series: epoch-second times and OHLCV columns on primitive arrays, with zero-copy windows. */
package dev.sextant.analytics.series;
