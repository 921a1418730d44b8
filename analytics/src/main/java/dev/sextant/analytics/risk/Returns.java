package dev.sextant.analytics.risk;

import dev.sextant.analytics.check.Check;

/** Period returns of a price series: one fewer than the prices, oldest first. */
public final class Returns {

    private Returns() {}

    /** {@code p[i] / p[i-1] - 1}. */
    public static double[] simple(double[] prices) {
        double[] out = new double[Math.max(0, Check.notNull(prices, "prices").length - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = prices[i + 1] / prices[i] - 1;
        }
        return out;
    }

    /** {@code ln(p[i] / p[i-1])}. */
    public static double[] log(double[] prices) {
        double[] out = new double[Math.max(0, Check.notNull(prices, "prices").length - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(prices[i + 1] / prices[i]);
        }
        return out;
    }
}
