package dev.sextant.analytics.backtest;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The one bar loop. At bar t: fill the order decided at t-1 at t's open, value the account at t's
 * close, then ask the strategy about t, showing it the window {@code [0, t]} only. An open position
 * is closed at the last bar's close.
 */
final class Engine {

    /** A run's result and the signal decided on every bar, for the look-ahead detector. */
    record Run(BacktestResult result, List<Signal> decisions) {}

    private Engine() {}

    static Run run(OhlcvSeries series, Strategy strategy, BacktestConfig config) {
        int n = series.size();
        if (n < strategy.minimumBars()) {
            throw new IllegalArgumentException(
                    strategy.name() + " needs at least " + strategy.minimumBars() + " bars, the series has " + n);
        }
        Strategy.Decider decider = strategy.start();
        List<Signal> decisions = new ArrayList<>(n);
        List<EquityPoint> equity = new ArrayList<>(n);
        List<Trade> trades = new ArrayList<>();
        double cash = config.capital();
        double units = 0;
        double entryPrice = 0;
        double entryCost = 0;
        long entryTime = 0;
        Signal pending = Signal.HOLD;
        for (int t = 0; t < n; t++) {
            if (pending == Signal.ENTER && units == 0) {
                entryPrice = series.open(t) * (1 + config.slippage());
                entryCost = cash;
                units = cash / (entryPrice * (1 + config.commission()));
                entryTime = series.time(t);
                cash = 0;
            } else if (pending == Signal.EXIT && units > 0) {
                double exitPrice = series.open(t) * (1 - config.slippage());
                cash = units * exitPrice * (1 - config.commission());
                trades.add(new Trade(entryTime, entryPrice, series.time(t), exitPrice, units, cash - entryCost));
                units = 0;
            }
            if (t == n - 1 && units > 0) {
                double exitPrice = series.close(t) * (1 - config.slippage());
                cash = units * exitPrice * (1 - config.commission());
                trades.add(new Trade(entryTime, entryPrice, series.time(t), exitPrice, units, cash - entryCost));
                units = 0;
            }
            equity.add(new EquityPoint(series.time(t), cash + units * series.close(t)));
            pending = decider.decide(series.window(0, t + 1));
            decisions.add(pending);
        }
        return new Run(Metrics.of(strategy.name(), equity, trades, config), decisions);
    }
}
