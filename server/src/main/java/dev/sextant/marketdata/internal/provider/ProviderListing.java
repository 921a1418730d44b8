package dev.sextant.marketdata.internal.provider;

import dev.sextant.marketdata.AssetClass;

/** An instrument as a provider lists it, under Sextant's canonical symbol. */
public record ProviderListing(
        String provider, String symbol, String name, String exchange, AssetClass assetClass, String currency) {}
