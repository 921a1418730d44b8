package dev.sextant.analytics.backtest;

import java.util.List;

/** The figures of a finished run, from its equity curve and trades. */
final class Metrics {

    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 60 * 60;

    private Metrics() {}

    static BacktestResult of(String name, List<EquityPoint> equity, List<Trade> trades, BacktestConfig config) {
        double capital = config.capital();
        double last = equity.getLast().value();
        double totalReturn = last / capital - 1;
        double years = (equity.getLast().time() - equity.getFirst().time()) / SECONDS_PER_YEAR;
        double cagr = years > 0 ? Math.pow(last / capital, 1 / years) - 1 : Double.NaN;
        double[] returns = returns(equity);
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean = returns.length > 0 ? mean / returns.length : 0;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double deviation = returns.length > 1 ? Math.sqrt(squares / (returns.length - 1)) : 0;
        double perYear = config.periodsPerYear();
        double volatility = deviation * Math.sqrt(perYear);
        double sharpe = deviation > 0 ? mean / deviation * Math.sqrt(perYear) : Double.NaN;
        int wins = 0;
        double gains = 0;
        double losses = 0;
        for (Trade trade : trades) {
            if (trade.pnl() > 0) {
                wins++;
                gains += trade.pnl();
            } else {
                losses -= trade.pnl();
            }
        }
        double winRate = trades.isEmpty() ? Double.NaN : (double) wins / trades.size();
        double profitFactor = trades.isEmpty() ? Double.NaN : gains / losses;
        return new BacktestResult(
                name,
                equity,
                trades,
                last,
                totalReturn,
                cagr,
                volatility,
                sharpe,
                drawdown(equity),
                winRate,
                profitFactor,
                trades.size());
    }

    private static double[] returns(List<EquityPoint> equity) {
        double[] returns = new double[equity.size() - 1];
        for (int i = 1; i < equity.size(); i++) {
            returns[i - 1] = equity.get(i).value() / equity.get(i - 1).value() - 1;
        }
        return returns;
    }

    static Drawdown drawdown(List<EquityPoint> equity) {
        EquityPoint peak = equity.getFirst();
        Drawdown worst = new Drawdown(0, peak.time(), peak.time());
        for (EquityPoint point : equity) {
            if (point.value() > peak.value()) {
                peak = point;
            }
            double depth = 1 - point.value() / peak.value();
            if (depth > worst.depth()) {
                worst = new Drawdown(depth, peak.time(), point.time());
            }
        }
        return worst;
    }
}
