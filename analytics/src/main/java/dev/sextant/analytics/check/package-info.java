/** Argument checks at module boundaries that name the argument and return the checked value. */
package dev.sextant.analytics.check;
