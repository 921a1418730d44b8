package dev.sextant.analytics.indicators;

/**
 * How many bars after its first value a recursive indicator still remembers where its stream
 * started. A recursion {@code s = d * s + (this bar's term)} carries its seed, the state at its
 * first value (which depends on the bars the stream happened to start with), into the value
 * {@code m} bars later with weight {@code d^m}. The unstable period is the least {@code m} with
 * {@code d^m <= }{@link #TOLERANCE}: from then on, two streams that started at different bars
 * differ by at most a billionth of how far apart their seeds were. An indicator made of a chain of
 * recursions (DEMA's EMA of an EMA, MACD's signal over its EMAs, ADX over the DIs) has the sum of
 * its links' periods, as in ta4j, which bounds the chain's decay from above; an indicator whose
 * value depends only on a window of bars has none.
 *
 * <p>TA-Lib lets its caller set an unstable period and drops that many values; here it is metadata:
 * the registry adds it to the lookback as the warm-up, the bars to feed before the first value a
 * caller relies on.
 */
public final class UnstablePeriod {

    /** The seed's weight left in a value at the end of the unstable period, at most. */
    public static final double TOLERANCE = 1e-9;

    private UnstablePeriod() {}

    /** For a recursion whose state keeps {@code decay} of itself per bar, {@code 0 <= decay < 1}. */
    public static int ofDecay(double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1), was " + decay);
        }
        return decay == 0 ? 0 : (int) Math.ceil(Math.log(TOLERANCE) / Math.log(decay));
    }

    /** An EMA's: it keeps {@code 1 - 2 / (period + 1)} per bar. */
    public static int ema(int period) {
        return ofDecay(1 - Ema.smoothing(period));
    }

    /** Wilder's smoothing (RSI, ATR, the DIs, ADX): it keeps {@code (period - 1) / period} per bar. */
    public static int wilder(int period) {
        return ofDecay((period - 1.0) / period);
    }
}
