package dev.sextant.analytics.backtest;

import java.util.List;

/**
 * Everything a run produced. Ratios are fractions. {@code cagr} uses calendar time between the
 * first and last bar; volatility and Sharpe (risk-free rate 0) are of bar-to-bar equity returns,
 * annualised with {@link BacktestConfig#periodsPerYear()}. NaN where a figure is undefined: Sharpe
 * with zero volatility, win rate and profit factor without trades; profit factor is infinite when
 * no trade lost.
 */
public record BacktestResult(
        String strategy,
        List<EquityPoint> equity,
        List<Trade> trades,
        double finalEquity,
        double totalReturn,
        double cagr,
        double annualVolatility,
        double sharpe,
        Drawdown maxDrawdown,
        double winRate,
        double profitFactor,
        int tradeCount) {

    public BacktestResult {
        equity = List.copyOf(equity);
        trades = List.copyOf(trades);
    }
}
