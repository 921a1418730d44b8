package dev.sextant.analytics.indicators;

/**
 * The highest and lowest of the last {@code period} values, in O(1) amortized per value: two
 * monotonic queues of indexes (a value that can never again be the extreme is dropped).
 */
final class RollingExtremes {

    private final int period;
    private final long[] maxIndex;
    private final double[] maxValue;
    private final long[] minIndex;
    private final double[] minValue;
    private int maxHead;
    private int maxSize;
    private int minHead;
    private int minSize;
    private long index = -1;

    RollingExtremes(int period) {
        this.period = period;
        this.maxIndex = new long[period];
        this.maxValue = new double[period];
        this.minIndex = new long[period];
        this.minValue = new double[period];
    }

    /** Adds the next high and low (equal for a single series). */
    void add(double high, double low) {
        index++;
        long oldest = index - period + 1;
        if (maxSize > 0 && maxIndex[maxHead] < oldest) {
            maxHead = (maxHead + 1) % period;
            maxSize--;
        }
        while (maxSize > 0 && maxValue[(maxHead + maxSize - 1) % period] <= high) {
            maxSize--;
        }
        int tail = (maxHead + maxSize) % period;
        maxIndex[tail] = index;
        maxValue[tail] = high;
        maxSize++;
        if (minSize > 0 && minIndex[minHead] < oldest) {
            minHead = (minHead + 1) % period;
            minSize--;
        }
        while (minSize > 0 && minValue[(minHead + minSize - 1) % period] >= low) {
            minSize--;
        }
        tail = (minHead + minSize) % period;
        minIndex[tail] = index;
        minValue[tail] = low;
        minSize++;
    }

    double highest() {
        return maxValue[maxHead];
    }

    double lowest() {
        return minValue[minHead];
    }

    /** Whether a whole window of {@code period} values has been seen. */
    boolean full() {
        return index >= period - 1;
    }
}
