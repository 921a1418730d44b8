/**
 * Technical indicators with TA-Lib's definitions, lookbacks and seeding, in two forms each: a batch
 * kernel over a primitive array, whose output is aligned with the input (the first {@code
 * lookback} values are NaN), and a streaming form that takes one bar at a time in O(1) and yields
 * exactly the same numbers, bit for bit. Both forms perform the same floating-point operations in
 * the same order; that is what makes them equal, so change them together. {@link
 * dev.sextant.analytics.indicators.IndicatorCatalog} is the registry of them all by name, with
 * lookback, unstable period and warm-up; it hands out any of them as a {@link
 * dev.sextant.analytics.indicators.StreamingIndicator}.
 */
@NullMarked
package dev.sextant.analytics.indicators;

import org.jspecify.annotations.NullMarked;
