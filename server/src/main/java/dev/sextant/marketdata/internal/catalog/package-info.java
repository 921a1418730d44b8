/**
 * The instrument catalog behind {@link dev.sextant.marketdata.MarketDataService}: routes each
 * request to its price source; the REST controllers, health, metrics and the quote warmer.
 */
@NullMarked
package dev.sextant.marketdata.internal.catalog;

import org.jspecify.annotations.NullMarked;
