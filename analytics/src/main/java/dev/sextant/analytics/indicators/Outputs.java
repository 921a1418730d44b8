package dev.sextant.analytics.indicators;

import java.util.Arrays;

/** Output arrays of the batch kernels: aligned with the input, NaN where there is no value yet. */
final class Outputs {

    private Outputs() {}

    /**
     * A new array of {@code length} whose first {@code lookback} entries (all, for a shorter
     * input) are NaN. Only that prefix is filled: the kernel writes the rest once.
     */
    static double[] nanBefore(int length, int lookback) {
        double[] out = new double[length];
        Arrays.fill(out, 0, Math.min(length, lookback), Double.NaN);
        return out;
    }
}
