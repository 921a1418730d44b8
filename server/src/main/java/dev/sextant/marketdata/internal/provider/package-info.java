/**
 * The provider SPI and one adapter per provider; only this package and the wiring know the
 * adapters.
 */
package dev.sextant.marketdata.internal.provider;
