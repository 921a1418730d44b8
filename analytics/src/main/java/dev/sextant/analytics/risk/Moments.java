package dev.sextant.analytics.risk;

/** Mean and sample standard deviation, shared by the metrics. */
final class Moments {

    private Moments() {}

    static double mean(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total / values.length;
    }

    /** Sample standard deviation (divides by n - 1), two-pass for accuracy. */
    static double stddev(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            double d = value - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    static void requireAtLeast(double[] values, int n, String name) {
        if (values == null || values.length < n) {
            throw new IllegalArgumentException(name + " needs at least " + n + " values");
        }
    }
}
