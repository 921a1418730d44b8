package dev.sextant.analytics.backtest;

import dev.sextant.analytics.indicators.Sma;
import dev.sextant.analytics.series.OhlcvSeries;

/**
 * Long while the fast SMA of closes is above the slow one: ENTER on the bar where fast crosses
 * above slow (fast > slow, and fast <= slow on the bar before), EXIT where it crosses below. The
 * SMAs are the streaming {@link Sma} of the indicator registry, fed each bar's close once.
 */
record SmaCross(int fast, int slow) implements Strategy {

    SmaCross {
        if (fast <= 0 || slow <= 0) {
            throw new IllegalArgumentException(
                    "sma-cross periods must be positive, were fast=" + fast + " slow=" + slow);
        }
        if (fast >= slow) {
            throw new IllegalArgumentException(
                    "sma-cross fast period must be shorter than slow, were fast=" + fast + " slow=" + slow);
        }
    }

    @Override
    public String name() {
        return "sma-cross(" + fast + "," + slow + ")";
    }

    /** The first cross can be seen once there are two slow SMAs, at bar {@code slow}. */
    @Override
    public int minimumBars() {
        return slow + 1;
    }

    @Override
    public Decider start() {
        Sma fastSma = new Sma(fast);
        Sma slowSma = new Sma(slow);
        double[] previous = {Double.NaN, Double.NaN};
        return history -> decide(history, fastSma, slowSma, previous);
    }

    private static Signal decide(OhlcvSeries history, Sma fastSma, Sma slowSma, double[] previous) {
        double close = history.close(history.size() - 1);
        double f = fastSma.next(close);
        double s = slowSma.next(close);
        double pf = previous[0];
        double ps = previous[1];
        previous[0] = f;
        previous[1] = s;
        if (Double.isNaN(ps)) {
            return Signal.HOLD;
        }
        if (f > s && pf <= ps) {
            return Signal.ENTER;
        }
        if (f < s && pf >= ps) {
            return Signal.EXIT;
        }
        return Signal.HOLD;
    }
}
