package dev.sextant.analytics.backtest;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.BarInterval;

/**
 * Starting capital, costs as fixed fractions of each fill (commission on the notional, slippage
 * moving the fill price against the trader) and the bar interval, which sets the periods per year
 * used to annualise.
 */
public record BacktestConfig(double capital, double commission, double slippage, BarInterval interval) {

    public BacktestConfig {
        Check.positive(capital, "capital");
        rate(commission, "commission");
        rate(slippage, "slippage");
        Check.notNull(interval, "interval");
    }

    /** Daily bars, no costs. */
    public static BacktestConfig of(double capital) {
        return new BacktestConfig(capital, 0, 0, BarInterval.ONE_DAY);
    }

    public BacktestConfig withCosts(double commission, double slippage) {
        return new BacktestConfig(capital, commission, slippage, interval);
    }

    public BacktestConfig withInterval(BarInterval interval) {
        return new BacktestConfig(capital, commission, slippage, interval);
    }

    /** Bars per year: 252 trading days, 6.5-hour sessions for intraday bars, 52 weeks, 12 months. */
    public double periodsPerYear() {
        return switch (interval) {
            case ONE_WEEK -> 52;
            case ONE_MONTH -> 12;
            case ONE_DAY -> 252;
            default -> 252.0 * 390 * 60 / interval.seconds();
        };
    }

    private static void rate(double value, String name) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1), was " + value);
        }
    }
}
