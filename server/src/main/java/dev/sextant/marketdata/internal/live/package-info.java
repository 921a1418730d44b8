/**
 * The real providers behind one price source: arbitration, guards, scores, budgets, the fresh
 * cache, bar history, and their wiring.
 */
@NullMarked
package dev.sextant.marketdata.internal.live;

import org.jspecify.annotations.NullMarked;
