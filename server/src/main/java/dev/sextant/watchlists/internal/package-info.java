/** The watchlists module's internals: controllers, the repository, the universe catalog. */
@NullMarked
package dev.sextant.watchlists.internal;

import org.jspecify.annotations.NullMarked;
