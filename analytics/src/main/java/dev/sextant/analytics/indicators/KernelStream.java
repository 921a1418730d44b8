package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import java.util.Arrays;
import java.util.List;

/**
 * A kernel's streaming form behind {@link StreamingIndicator}: the step writes the bar's values
 * into one array owned by the stream and overwritten at every bar, so reading them allocates
 * nothing. The step calls the kernel's own {@code next}, never a second copy of its arithmetic:
 * that is what keeps the stream equal to the batch kernel bit for bit. (Kernels whose {@code next}
 * answers a small record, such as {@link Macd.Point}, still make it; the step reads it at once, so
 * the JIT's escape analysis can usually keep it off the heap.)
 */
final class KernelStream implements StreamingIndicator {

    private final List<String> outputs;
    private final int lookback;
    private final Step step;
    private final double[] values;

    KernelStream(List<String> outputs, int lookback, Step step) {
        this.outputs = List.copyOf(Check.notNull(outputs, "outputs"));
        if (this.outputs.isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one output");
        }
        this.lookback = Check.notNegative(lookback, "lookback");
        this.step = Check.notNull(step, "step");
        this.values = new double[this.outputs.size()];
        Arrays.fill(values, Double.NaN);
    }

    @Override
    public int lookback() {
        return lookback;
    }

    @Override
    public List<String> outputs() {
        return outputs;
    }

    @Override
    public double next(long time, double open, double high, double low, double close, double volume) {
        double[] out = values;
        step.next(time, open, high, low, close, volume, out);
        return out[0];
    }

    @Override
    public double value(int output) {
        return values[Check.inRange(output, 0, values.length - 1, "output")];
    }

    @Override
    public String toString() {
        return "StreamingIndicator" + outputs;
    }
}
