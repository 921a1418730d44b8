/** The watchlists module's internals: controllers, the repository, the universe catalog. */
package dev.sextant.watchlists.internal;
