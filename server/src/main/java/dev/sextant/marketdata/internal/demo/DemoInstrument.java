package dev.sextant.marketdata.internal.demo;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.calendar.TradingSession;
import java.time.LocalDate;

/**
 * One instrument of the demo market and the parameters its synthetic prices are drawn from.
 * The names are real so that the demo looks like a market; the prices are invented, and every
 * answer built from them says {@code demo: true}.
 *
 * @param firstDay first session with a bar
 * @param firstPrice price before the first session
 * @param currency the unit of its prices: a currency, or for macro series {@code PCT} (percent) or
 *     {@code IDX} (index points), as the real providers report them
 * @param dynamics how the level moves: a price that grows, or a level that reverts within bounds
 * @param volatility annualised volatility of the daily changes of the latent level (of the log
 *     price, for a price: the volatility of daily returns)
 * @param beta exposure to the session's common market factor, which correlates the demo symbols
 * @param dailyVolume typical volume of one session
 * @param decimals price decimals quoted
 */
public record DemoInstrument(
        String symbol,
        String name,
        String exchange,
        AssetClass assetClass,
        String currency,
        TradingSession session,
        LocalDate firstDay,
        double firstPrice,
        DemoDynamics dynamics,
        double volatility,
        double beta,
        double dailyVolume,
        int decimals) {

    static final String PROVIDER = "demo";

    Instrument toInstrument() {
        return new Instrument(symbol, name, exchange, assetClass, currency, PROVIDER, true);
    }
}
