package dev.sextant.marketdata;

import dev.sextant.analytics.check.Check;

/**
 * A tradable or quotable instrument as Sextant knows it. Immutable and thread-safe.
 *
 * @param symbol canonical symbol, upper case ({@code AAPL}, {@code BTC-USD}, {@code ^GSPC})
 * @param demo true when every price of this instrument is synthetic demo data
 */
public record Instrument(
        String symbol,
        String name,
        String exchange,
        AssetClass assetClass,
        String currency,
        String provider,
        boolean demo) {

    public Instrument {
        Check.notBlank(symbol, "symbol");
        Check.notBlank(name, "name");
        Check.notBlank(exchange, "exchange");
        Check.notNull(assetClass, "assetClass");
        Check.notBlank(currency, "currency");
        Check.notBlank(provider, "provider");
    }
}
