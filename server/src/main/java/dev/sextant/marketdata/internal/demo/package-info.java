/**
 * The built-in demo market: synthetic, deterministic prices for a fixed set of instruments, and
 * quarterly filings for its companies ({@code DemoFilings}), every value flagged {@code demo}.
 */
@NullMarked
package dev.sextant.marketdata.internal.demo;

import org.jspecify.annotations.NullMarked;
