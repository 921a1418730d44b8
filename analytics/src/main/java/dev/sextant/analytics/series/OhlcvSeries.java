package dev.sextant.analytics.series;

import dev.sextant.analytics.check.Check;
import java.util.Arrays;

/**
 * A columnar series of OHLCV bars: one {@code long[]} of epoch-second bar start times and one
 * {@code double[]} per price or volume column, oldest bar first.
 *
 * <p>Immutable and thread-safe once built. Columns are plain primitive arrays because indicator
 * kernels run one flat pass over them; {@code double} rather than {@code BigDecimal} because
 * analytics need speed and IEEE arithmetic is reproducible bit for bit on one JVM. {@link #window}
 * gives a zero-copy view over a range of bars.
 *
 * <p>Every bar is checked when the series is made: times strictly increasing, prices positive and
 * finite, {@code low <= open, close <= high}, volume finite and not negative. A source that
 * produces anything else fails loudly here instead of poisoning later computations.
 */
public final class OhlcvSeries {

    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int from;
    private final int to;

    private OhlcvSeries(
            long[] times,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            int from,
            int to) {
        this.times = times;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.from = from;
        this.to = to;
    }

    /**
     * Makes a series over the given columns after checking every bar. The arrays are taken over,
     * not copied: the caller must not change them afterwards.
     */
    public static OhlcvSeries ofUnsafe(
            long[] times, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        int n = Check.notNull(times, "times").length;
        requireLength(open, n, "open");
        requireLength(high, n, "high");
        requireLength(low, n, "low");
        requireLength(close, n, "close");
        requireLength(volume, n, "volume");
        for (int i = 0; i < n; i++) {
            checkBar(i, times, open[i], high[i], low[i], close[i], volume[i]);
        }
        return new OhlcvSeries(times, open, high, low, close, volume, 0, n);
    }

    public static OhlcvSeries empty() {
        return new OhlcvSeries(
                new long[0], new double[0], new double[0], new double[0], new double[0], new double[0], 0, 0);
    }

    public static Builder builder(int expectedBars) {
        return new Builder(expectedBars);
    }

    private static void requireLength(double[] column, int n, String name) {
        if (Check.notNull(column, name).length != n) {
            throw new IllegalArgumentException(name + " has " + column.length + " values but times has " + n);
        }
    }

    private static void checkBar(int i, long[] times, double o, double h, double l, double c, double v) {
        if (i > 0 && times[i] <= times[i - 1]) {
            throw new IllegalArgumentException(
                    "bar " + i + ": time " + times[i] + " is not after the previous bar's time " + times[i - 1]);
        }
        String problem = problem(o, h, l, c, v);
        if (problem != null) {
            throw new IllegalArgumentException("bar " + i + ": " + problem);
        }
    }

    /**
     * What is wrong with one bar's values, or null when nothing is; shared with {@link Bar}, so a
     * bar on its own is held to the same rules as a bar in a series.
     */
    static String problem(double o, double h, double l, double c, double v) {
        if (!(o > 0 && h > 0 && l > 0 && c > 0) || !Double.isFinite(o + h + l + c)) {
            return "prices must be positive and finite, were open=" + o + " high=" + h + " low=" + l + " close=" + c;
        }
        if (l > Math.min(o, c) || h < Math.max(o, c)) {
            return "low " + l + " and high " + h + " must enclose open " + o + " and close " + c;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            return "volume must be finite and not negative, was " + v;
        }
        return null;
    }

    public int size() {
        return to - from;
    }

    public boolean isEmpty() {
        return to == from;
    }

    public long time(int i) {
        return times[index(i)];
    }

    public double open(int i) {
        return open[index(i)];
    }

    public double high(int i) {
        return high[index(i)];
    }

    public double low(int i) {
        return low[index(i)];
    }

    public double close(int i) {
        return close[index(i)];
    }

    public double volume(int i) {
        return volume[index(i)];
    }

    /** Bar {@code i} as a value, for streaming one bar at a time ({@code StreamingIndicator}). */
    public Bar bar(int i) {
        int k = index(i);
        return new Bar(times[k], open[k], high[k], low[k], close[k], volume[k]);
    }

    /** The bars {@code [fromIndex, toIndex)} of this series, sharing its arrays. */
    public OhlcvSeries window(int fromIndex, int toIndex) {
        Check.window(fromIndex, toIndex, size());
        return new OhlcvSeries(times, open, high, low, close, volume, from + fromIndex, from + toIndex);
    }

    /** The bars whose start time lies in {@code [fromEpochSecond, toEpochSecond)}, sharing this series' arrays. */
    public OhlcvSeries between(long fromEpochSecond, long toEpochSecond) {
        int start = indexAtOrAfter(fromEpochSecond);
        int end = Math.max(start, indexAtOrAfter(toEpochSecond));
        return window(start, end);
    }

    /** The index of the first bar starting at or after the given time, or {@link #size()} if there is none. */
    public int indexAtOrAfter(long epochSecond) {
        int found = Arrays.binarySearch(times, from, to, epochSecond);
        return (found >= 0 ? found : -found - 1) - from;
    }

    /** A copy of the close column of this window, the input most indicators start from. */
    public double[] closes() {
        return Arrays.copyOfRange(close, from, to);
    }

    private int index(int i) {
        if (i < 0 || i >= to - from) {
            throw new IndexOutOfBoundsException("bar " + i + " is outside a series of " + size() + " bars");
        }
        return from + i;
    }

    @Override
    public String toString() {
        return isEmpty()
                ? "OhlcvSeries[empty]"
                : "OhlcvSeries[" + size() + " bars, " + time(0) + ".." + time(size() - 1) + "]";
    }

    /** Appends bars in time order and checks them all when built. Not thread-safe. */
    public static final class Builder {
        private long[] times;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private int size;

        private Builder(int expectedBars) {
            int capacity = Math.max(8, Check.notNegative(expectedBars, "expectedBars"));
            times = new long[capacity];
            open = new double[capacity];
            high = new double[capacity];
            low = new double[capacity];
            close = new double[capacity];
            volume = new double[capacity];
        }

        public Builder add(long epochSecond, double o, double h, double l, double c, double v) {
            if (size == times.length) {
                grow();
            }
            times[size] = epochSecond;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public OhlcvSeries build() {
            return ofUnsafe(
                    Arrays.copyOf(times, size),
                    Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size),
                    Arrays.copyOf(low, size),
                    Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size));
        }

        private void grow() {
            int capacity = times.length * 2;
            times = Arrays.copyOf(times, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
    }
}
