package dev.sextant.analytics.series;

import dev.sextant.analytics.check.Check;
import java.util.List;

/**
 * Several series on their common calendar: the bar times every one of them has, and each one's
 * closes at those times. Bars only some of them have (a holiday on one exchange, a gap in one
 * provider's data) are left out, so aligned columns compare like with like.
 */
public final class Alignment {

    /** The shared times and, per series in the order given, its closes at them. */
    public record Aligned(long[] times, double[][] closes) {}

    private Alignment() {}

    public static Aligned closes(List<OhlcvSeries> series) {
        Check.notNull(series, "series");
        if (series.isEmpty()) {
            return new Aligned(new long[0], new double[0][]);
        }
        int k = series.size();
        int[] cursor = new int[k];
        int capacity = series.stream().mapToInt(OhlcvSeries::size).min().orElse(0);
        long[] times = new long[capacity];
        double[][] closes = new double[k][capacity];
        int count = 0;
        // Merge: advance every series to the largest current time until all agree.
        outer:
        while (true) {
            long target = Long.MIN_VALUE;
            for (int s = 0; s < k; s++) {
                if (cursor[s] >= series.get(s).size()) {
                    break outer;
                }
                target = Math.max(target, series.get(s).time(cursor[s]));
            }
            boolean agree = true;
            for (int s = 0; s < k; s++) {
                OhlcvSeries one = series.get(s);
                while (cursor[s] < one.size() && one.time(cursor[s]) < target) {
                    cursor[s]++;
                }
                if (cursor[s] >= one.size()) {
                    break outer;
                }
                agree &= one.time(cursor[s]) == target;
            }
            if (agree) {
                times[count] = target;
                for (int s = 0; s < k; s++) {
                    closes[s][count] = series.get(s).close(cursor[s]);
                    cursor[s]++;
                }
                count++;
            }
        }
        long[] sharedTimes = java.util.Arrays.copyOf(times, count);
        double[][] sharedCloses = new double[k][];
        for (int s = 0; s < k; s++) {
            sharedCloses[s] = java.util.Arrays.copyOf(closes[s], count);
        }
        return new Aligned(sharedTimes, sharedCloses);
    }
}
