/**
 * News storage: each article kept once (deduplicated across sources by canonical URL and by
 * near-identical headline), point in time by when Sextant first stored it, and the text rules an
 * article passes before it is stored (plain text, capped, no control characters).
 */
@NullMarked
package dev.sextant.marketdata.internal.news;

import org.jspecify.annotations.NullMarked;
