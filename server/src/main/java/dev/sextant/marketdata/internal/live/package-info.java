/**
 * The real providers behind one price source: arbitration, guards, scores, budgets, the fresh
 * cache, bar history, and their wiring.
 */
package dev.sextant.marketdata.internal.live;
