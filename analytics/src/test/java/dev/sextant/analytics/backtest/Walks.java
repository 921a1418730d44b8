package dev.sextant.analytics.backtest;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.SplittableRandom;

/** Random-walk daily bars for backtest tests: every bar moves, opens gap a little from the last close. */
final class Walks {

    static final long START = 1_704_067_200L; // 2024-01-01T00:00:00Z
    static final long DAY = 86_400L;

    private Walks() {}

    static OhlcvSeries of(long seed, int bars) {
        SplittableRandom random = new SplittableRandom(seed);
        OhlcvSeries.Builder builder = OhlcvSeries.builder(bars);
        double price = 20 + random.nextDouble() * 480;
        for (int i = 0; i < bars; i++) {
            double open = price * Math.exp(random.nextGaussian() * 0.003);
            price = open * Math.exp(random.nextGaussian() * 0.02);
            double high = Math.max(open, price) * (1 + random.nextDouble() * 0.01);
            double low = Math.min(open, price) * (1 - random.nextDouble() * 0.01);
            builder.add(START + i * DAY, open, high, low, price, 1000);
        }
        return builder.build();
    }

    static OhlcvSeries of(double[] open, double[] close) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(open.length);
        for (int i = 0; i < open.length; i++) {
            builder.add(
                    START + i * DAY, open[i], Math.max(open[i], close[i]), Math.min(open[i], close[i]), close[i], 1000);
        }
        return builder.build();
    }
}
