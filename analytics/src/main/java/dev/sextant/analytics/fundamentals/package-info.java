/**
 * A company's reported figures as point-in-time data: the facts its filings reported, each with
 * the date it became public, and the figures derived from the facts known on a date.
 */
@NullMarked
package dev.sextant.analytics.fundamentals;

import org.jspecify.annotations.NullMarked;
