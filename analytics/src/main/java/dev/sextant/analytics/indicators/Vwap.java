package dev.sextant.analytics.indicators;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.check.ComputeCheckpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Volume-weighted average price (not in TA-Lib), anchored to the session: the running mean of the
 * typical price ({@code (h + l + c) / 3}) weighted by volume since the first bar of the bar's UTC
 * day; the typical price itself while the day has traded no volume. On daily bars each value is
 * that day's typical price. No lookback.
 */
public final class Vwap {

    private LocalDate day;
    private double weighted;
    private double volume;

    public static double[] of(long[] times, double[] high, double[] low, double[] close, double[] volume) {
        int n = Check.notNull(times, "times").length;
        if (high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("times, high, low, close and volume must have the same length");
        }
        Vwap vwap = new Vwap();
        double[] out = new double[n];
        // In blocks, so that the compute-limit check stays out of the loop the kernel spends its time in.
        for (int block = 0; block < n; block += ComputeCheckpoint.EVERY) {
            ComputeCheckpoint.reached();
            int blockEnd = Math.min(n, block + ComputeCheckpoint.EVERY);
            for (int i = block; i < blockEnd; i++) {
                out[i] = vwap.next(times[i], high[i], low[i], close[i], volume[i]);
            }
        }
        return out;
    }

    public double next(long epochSecond, double high, double low, double close, double barVolume) {
        LocalDate barDay = LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        if (!barDay.equals(day)) {
            day = barDay;
            weighted = 0;
            volume = 0;
        }
        double typical = (high + low + close) / 3;
        weighted += typical * barVolume;
        volume += barVolume;
        return volume > 0 ? weighted / volume : typical;
    }
}
