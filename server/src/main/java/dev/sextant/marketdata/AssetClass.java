package dev.sextant.marketdata;

/** What kind of instrument a symbol names. */
public enum AssetClass {
    EQUITY,
    ETF,
    INDEX,
    CRYPTO,
    /** An economic series (a yield, an inflation index, a rate): one value per period, no volume. */
    MACRO
}
