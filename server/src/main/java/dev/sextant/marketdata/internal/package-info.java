/**
 * Market data's internals, one room per job; this root holds only what the rooms share: the
 * {@link dev.sextant.marketdata.internal.PriceSource} SPI the sources implement and the catalog
 * routes to, {@link dev.sextant.marketdata.internal.InstrumentResolver}, the problem types and the
 * limits. No room depends on another in a cycle ({@code ModuleBoundariesTest}).
 */
@NullMarked
package dev.sextant.marketdata.internal;

import org.jspecify.annotations.NullMarked;
