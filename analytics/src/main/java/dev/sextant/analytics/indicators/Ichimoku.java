package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;

/**
 * Ichimoku cloud (not in TA-Lib): tenkan-sen and kijun-sen, the midpoints of the highest high and
 * lowest low over {@code tenkan} and {@code kijun} bars; senkou span A, their mean; senkou span B,
 * the midpoint over {@code senkou} bars. Values are given at the bar they are computed on: charts
 * draw the spans {@code kijun} bars ahead (and the close {@code kijun} bars back as chikou span).
 * All four start together, at lookback {@code max(tenkan, kijun, senkou) - 1}.
 */
public final class Ichimoku {

    /** The four lines, aligned with the input. */
    public record Lines(double[] tenkan, double[] kijun, double[] senkouA, double[] senkouB) {}

    /** One bar's values. */
    public record Point(double tenkan, double kijun, double senkouA, double senkouB) {}

    private final RollingExtremes tenkan;
    private final RollingExtremes kijun;
    private final RollingExtremes senkou;
    private final int lookback;
    private long count;

    public Ichimoku(int tenkan, int kijun, int senkou) {
        this.tenkan = new RollingExtremes(Check.positive(tenkan, "tenkan"));
        this.kijun = new RollingExtremes(Check.positive(kijun, "kijun"));
        this.senkou = new RollingExtremes(Check.positive(senkou, "senkou"));
        this.lookback = lookback(tenkan, kijun, senkou);
    }

    public static int lookback(int tenkan, int kijun, int senkou) {
        return Math.max(Math.max(tenkan, kijun), senkou) - 1;
    }

    public static Lines of(double[] high, double[] low, int tenkan, int kijun, int senkou) {
        Ichimoku ichimoku = new Ichimoku(tenkan, kijun, senkou);
        int n = Check.notNull(high, "high").length;
        double[][] lines = new double[4][n];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                Point point = ichimoku.next(high[i], low[i]);
                lines[0][i] = point.tenkan();
                lines[1][i] = point.kijun();
                lines[2][i] = point.senkouA();
                lines[3][i] = point.senkouB();
            }
        }
        return new Lines(lines[0], lines[1], lines[2], lines[3]);
    }

    public Point next(double high, double low) {
        tenkan.add(high, low);
        kijun.add(high, low);
        senkou.add(high, low);
        if (count++ < lookback) {
            return new Point(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double conversion = (tenkan.highest() + tenkan.lowest()) / 2;
        double base = (kijun.highest() + kijun.lowest()) / 2;
        return new Point(conversion, base, (conversion + base) / 2, (senkou.highest() + senkou.lowest()) / 2);
    }
}
