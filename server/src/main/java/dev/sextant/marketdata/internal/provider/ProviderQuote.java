package dev.sextant.marketdata.internal.provider;

import java.time.Instant;

/**
 * A price as a provider reported it, before arbitration.
 *
 * @param previousClose the last close before the current session (NaN when the provider has none)
 * @param time the market time the price describes
 */
public record ProviderQuote(String symbol, double price, double previousClose, String currency, Instant time) {}
