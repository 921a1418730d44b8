/**
 * What market data keeps in the database: bars by licence scope and known-at time, whole-series
 * snapshots, company facts.
 */
@NullMarked
package dev.sextant.marketdata.internal.store;

import org.jspecify.annotations.NullMarked;
