package dev.sextant.marketdata.internal.provider;

import java.time.Instant;

/**
 * A price as a provider reported it, before arbitration.
 *
 * @param previousClose the last close before the current session (NaN when the provider has none)
 * @param currency as the provider states it; null when it does not (the instrument's currency applies)
 * @param time the market time the price describes
 */
public record ProviderQuote(String symbol, double price, double previousClose, String currency, Instant time) {}
