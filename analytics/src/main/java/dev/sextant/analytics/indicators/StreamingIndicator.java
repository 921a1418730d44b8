package dev.sextant.analytics.indicators;

import dev.sextant.analytics.series.Bar;
import java.util.List;

/**
 * Any indicator fed one bar at a time: what strategies, bots and streams hold. Each bar goes in
 * through {@link #next}; the values it produced are then read by output ({@link #value}). Made by
 * name from the registry ({@link IndicatorCatalog.Definition#stream}), where every indicator's
 * stream yields exactly its batch computation's numbers, bit for bit.
 *
 * <p>Not thread-safe: a stream is one sequence of bars. The interface is open so that a strategy
 * can offer its own composite (an indicator of indicators) in the same shape.
 *
 * <p>No allocation per bar: the values are read from the stream after each {@code next} rather
 * than returned in a new record, so a bot holding hundreds of streams over tick-driven bars makes
 * no garbage in its loop. {@link #next(long, double, double, double, double, double)} takes the
 * bar as primitives for the same reason and trusts them as the batch kernels trust their arrays;
 * {@link #next(Bar)} takes a checked {@link Bar}.
 */
public interface StreamingIndicator {

    /** Bars before the first value: with fewer bars seen, every output is NaN. */
    int lookback();

    /** The outputs' names, in order ({@code value} for an indicator with one output). */
    List<String> outputs();

    /**
     * Takes the next bar, oldest first ({@code time} in epoch seconds, increasing) and answers
     * the first output's value at it ({@link #value(int) value(0)}), NaN during the lookback.
     */
    double next(long time, double open, double high, double low, double close, double volume);

    /** {@link #next(long, double, double, double, double, double)} for a bar value. */
    default double next(Bar bar) {
        return next(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Output {@code output}'s value at the last bar taken (NaN before any bar and during the lookback). */
    double value(int output);

    /** The value of the output of that name at the last bar taken. */
    default double value(String output) {
        int index = outputs().indexOf(output);
        if (index < 0) {
            throw new IllegalArgumentException("no output '" + output + "'; the outputs are " + outputs());
        }
        return value(index);
    }

    /** One bar's step of a kernel's streaming form: reads the bar, writes each output's value into {@code out}. */
    @FunctionalInterface
    interface Step {
        void next(long time, double open, double high, double low, double close, double volume, double[] out);
    }

    /** A stream over a kernel's step; {@code outputs} names the slots the step writes. */
    static StreamingIndicator of(List<String> outputs, int lookback, Step step) {
        return new KernelStream(outputs, lookback, step);
    }
}
