package dev.sextant.marketdata.internal.demo;

import static dev.sextant.marketdata.AssetClass.CRYPTO;
import static dev.sextant.marketdata.AssetClass.EQUITY;
import static dev.sextant.marketdata.AssetClass.ETF;
import static dev.sextant.marketdata.AssetClass.INDEX;
import static dev.sextant.marketdata.AssetClass.MACRO;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.calendar.TradingSession;
import java.time.LocalDate;
import java.util.List;

/**
 * The instruments of the demo market. Real names and symbols so that the demo reads like a market;
 * invented parameters and prices, so nothing here is a market fact.
 */
public final class DemoCatalog {

    private static final LocalDate US_START = LocalDate.of(2012, 1, 3);
    private static final LocalDate CRYPTO_START = LocalDate.of(2018, 1, 1);

    private DemoCatalog() {}

    public static List<DemoInstrument> instruments() {
        return List.of(
                us("AAPL", "Apple Inc.", "NASDAQ", EQUITY, 14.5, 0.22, 0.28, 1.20, 90e6),
                us("MSFT", "Microsoft Corporation", "NASDAQ", EQUITY, 26, 0.20, 0.25, 1.10, 30e6),
                us("NVDA", "NVIDIA Corporation", "NASDAQ", EQUITY, 3.5, 0.30, 0.50, 1.60, 250e6),
                us("AMZN", "Amazon.com, Inc.", "NASDAQ", EQUITY, 9, 0.22, 0.32, 1.20, 60e6),
                us("GOOGL", "Alphabet Inc. Class A", "NASDAQ", EQUITY, 16, 0.17, 0.27, 1.10, 30e6),
                us("META", "Meta Platforms, Inc.", "NASDAQ", EQUITY, 38, 0.15, 0.38, 1.25, 20e6),
                us("TSLA", "Tesla, Inc.", "NASDAQ", EQUITY, 2, 0.30, 0.60, 1.70, 100e6),
                us("NFLX", "Netflix, Inc.", "NASDAQ", EQUITY, 10, 0.25, 0.50, 1.30, 8e6),
                us("AMD", "Advanced Micro Devices, Inc.", "NASDAQ", EQUITY, 5, 0.25, 0.55, 1.60, 60e6),
                us("INTC", "Intel Corporation", "NASDAQ", EQUITY, 25, 0.02, 0.32, 1.10, 35e6),
                us("COST", "Costco Wholesale Corporation", "NASDAQ", EQUITY, 82, 0.16, 0.20, 0.75, 2e6),
                us("PEP", "PepsiCo, Inc.", "NASDAQ", EQUITY, 66, 0.07, 0.17, 0.55, 5e6),
                us("JPM", "JPMorgan Chase & Co.", "NYSE", EQUITY, 35, 0.12, 0.24, 1.00, 10e6),
                us("BAC", "Bank of America Corporation", "NYSE", EQUITY, 6, 0.12, 0.32, 1.30, 40e6),
                us("V", "Visa Inc.", "NYSE", EQUITY, 30, 0.15, 0.22, 0.95, 7e6),
                us("JNJ", "Johnson & Johnson", "NYSE", EQUITY, 65, 0.07, 0.17, 0.60, 7e6),
                us("UNH", "UnitedHealth Group Incorporated", "NYSE", EQUITY, 52, 0.17, 0.24, 0.80, 3e6),
                us("XOM", "Exxon Mobil Corporation", "NYSE", EQUITY, 85, 0.03, 0.27, 0.80, 18e6),
                us("CVX", "Chevron Corporation", "NYSE", EQUITY, 105, 0.04, 0.27, 0.85, 8e6),
                us("WMT", "Walmart Inc.", "NYSE", EQUITY, 20, 0.10, 0.20, 0.50, 20e6),
                us("PG", "The Procter & Gamble Company", "NYSE", EQUITY, 66, 0.07, 0.17, 0.50, 7e6),
                us("KO", "The Coca-Cola Company", "NYSE", EQUITY, 35, 0.05, 0.16, 0.55, 13e6),
                us("DIS", "The Walt Disney Company", "NYSE", EQUITY, 38, 0.08, 0.28, 1.05, 9e6),
                us("HD", "The Home Depot, Inc.", "NYSE", EQUITY, 42, 0.15, 0.22, 0.95, 4e6),
                us("ORCL", "Oracle Corporation", "NYSE", EQUITY, 28, 0.14, 0.27, 1.05, 9e6),
                us("SPY", "SPDR S&P 500 ETF Trust", "NYSE Arca", ETF, 127, 0.11, 0.161, 1.00, 80e6),
                us("QQQ", "Invesco QQQ Trust", "NASDAQ", ETF, 56, 0.15, 0.22, 1.15, 45e6),
                us("IWM", "iShares Russell 2000 ETF", "NYSE Arca", ETF, 74, 0.07, 0.23, 1.15, 25e6),
                us("DIA", "SPDR Dow Jones Industrial Average ETF Trust", "NYSE Arca", ETF, 122, 0.09, 0.16, 0.95, 4e6),
                us("GLD", "SPDR Gold Shares", "NYSE Arca", ETF, 155, 0.03, 0.15, 0.05, 8e6),
                us("TLT", "iShares 20+ Year Treasury Bond ETF", "NASDAQ", ETF, 120, 0.00, 0.14, -0.20, 15e6),
                us("^GSPC", "S&P 500 Index", "SNP", INDEX, 1277, 0.11, 0.16, 1.00, 3e9),
                us("^NDX", "NASDAQ-100 Index", "NASDAQ", INDEX, 2300, 0.15, 0.22, 1.15, 2e9),
                // Macro series for MACRO queries, in the units FRED reports and within their historical
                // ranges: a yield in percent (0.55 to 15.5; the real one ran from 0.52 in 2020 to 15.8 in
                // 1981), the VIX in index points (9.5 to 80; real: 9 to 83), both reverting to their usual
                // level; CPI-U an index growing ~2.6 % a year from its January 2012 level. No volume.
                macro(
                        "US10Y",
                        "US 10-year Treasury yield, percent",
                        "PCT",
                        1.9,
                        reverting(0.55, 15.5, 2.6, 504),
                        0.5,
                        0.5),
                macro(
                        "CPI",
                        "US consumer price index, all urban consumers",
                        "IDX",
                        227,
                        new DemoDynamics.Growth(0.026),
                        0.01,
                        0),
                // The VIX jumps when the market falls: a strongly negative beta to the market factor.
                macro("VIX", "CBOE volatility index", "IDX", 23, reverting(9.5, 80, 17, 40), 2.0, -9),
                crypto("BTC-USD", "Bitcoin USD", CRYPTO_START, 13_500, 0.35, 0.70, 1.00, 30e3, 2),
                crypto("ETH-USD", "Ethereum USD", CRYPTO_START, 760, 0.35, 0.85, 1.20, 400e3, 2),
                crypto("SOL-USD", "Solana USD", LocalDate.of(2020, 4, 10), 0.95, 0.60, 1.10, 1.40, 20e6, 4),
                crypto("XRP-USD", "XRP USD", CRYPTO_START, 2.3, 0.00, 1.00, 1.15, 1e9, 4),
                crypto("DOGE-USD", "Dogecoin USD", CRYPTO_START, 0.009, 0.30, 1.20, 1.10, 5e9, 5));
    }

    private static DemoDynamics reverting(double floor, double ceiling, double median, double halfLifeSessions) {
        return new DemoDynamics.MeanReverting(floor, ceiling, median, halfLifeSessions);
    }

    /** A macro series on US sessions; {@code volatility} and {@code beta} are in the latent units of its dynamics. */
    private static DemoInstrument macro(
            String symbol,
            String name,
            String unit,
            double firstLevel,
            DemoDynamics dynamics,
            double volatility,
            double beta) {
        return new DemoInstrument(
                symbol,
                name,
                "FRED",
                MACRO,
                unit,
                TradingSession.US_EQUITY,
                US_START,
                firstLevel,
                dynamics,
                volatility,
                beta,
                0,
                2);
    }

    private static DemoInstrument us(
            String symbol,
            String name,
            String exchange,
            AssetClass assetClass,
            double firstPrice,
            double drift,
            double volatility,
            double beta,
            double dailyVolume) {
        return new DemoInstrument(
                symbol,
                name,
                exchange,
                assetClass,
                "USD",
                TradingSession.US_EQUITY,
                US_START,
                firstPrice,
                new DemoDynamics.Growth(drift),
                volatility,
                beta,
                dailyVolume,
                2);
    }

    private static DemoInstrument crypto(
            String symbol,
            String name,
            LocalDate firstDay,
            double firstPrice,
            double drift,
            double volatility,
            double beta,
            double dailyVolume,
            int decimals) {
        return new DemoInstrument(
                symbol,
                name,
                "CCC",
                CRYPTO,
                "USD",
                TradingSession.CRYPTO,
                firstDay,
                firstPrice,
                new DemoDynamics.Growth(drift),
                volatility,
                beta,
                dailyVolume,
                decimals);
    }
}
