package dev.sextant.marketdata.internal;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import java.time.LocalDate;

/**
 * One instrument of the demo market and the parameters its synthetic prices are drawn from.
 * The names are real so that the demo looks like a market; the prices are invented, and every
 * answer built from them says {@code demo: true}.
 *
 * @param firstDay first session with a bar
 * @param firstPrice price before the first session
 * @param drift expected annual return; the median path grows by {@code drift - volatility^2 / 2} a year
 * @param volatility annualised volatility of daily returns
 * @param beta exposure to the session's common market factor, which correlates the demo symbols
 * @param dailyVolume typical volume of one session
 * @param decimals price decimals quoted
 */
record DemoInstrument(
        String symbol,
        String name,
        String exchange,
        AssetClass assetClass,
        TradingSession session,
        LocalDate firstDay,
        double firstPrice,
        double drift,
        double volatility,
        double beta,
        double dailyVolume,
        int decimals) {

    static final String PROVIDER = "demo";

    Instrument toInstrument() {
        return new Instrument(symbol, name, exchange, assetClass, "USD", PROVIDER, true);
    }
}
