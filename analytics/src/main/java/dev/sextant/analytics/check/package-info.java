/** Argument checks at module boundaries that name the argument and return the checked value. */
@NullMarked
package dev.sextant.analytics.check;

import org.jspecify.annotations.NullMarked;
