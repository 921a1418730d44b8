/**
 * The provider SPI and one adapter per provider; only this package and the wiring know the
 * adapters.
 */
@NullMarked
package dev.sextant.marketdata.internal.provider;

import org.jspecify.annotations.NullMarked;
