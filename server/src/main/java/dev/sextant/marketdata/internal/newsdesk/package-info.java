/**
 * The news face's implementation and its HTTP edge: routes a demo instrument to the demo market's
 * synthetic headlines and any other to the stored, fetched news, and pages the answer.
 */
@NullMarked
package dev.sextant.marketdata.internal.newsdesk;

import org.jspecify.annotations.NullMarked;
