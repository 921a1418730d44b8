package dev.sextant.marketdata;

/** What kind of instrument a symbol names. */
public enum AssetClass {
    EQUITY,
    ETF,
    INDEX,
    CRYPTO
}
