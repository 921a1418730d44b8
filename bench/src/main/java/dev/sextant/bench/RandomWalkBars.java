package dev.sextant.bench;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.SplittableRandom;

/** The benchmarks' synthetic daily bars: a geometric random walk, one bar a day, drawn from {@code random}. */
final class RandomWalkBars {

    private RandomWalkBars() {}

    /**
     * @param firstDay epoch second of the first bar's day
     * @param volatility the standard deviation of a day's log return
     */
    static OhlcvSeries walk(SplittableRandom random, long firstDay, int bars, double startPrice, double volatility) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(bars);
        double price = startPrice;
        for (int i = 0; i < bars; i++) {
            double open = price;
            price *= Math.exp(random.nextGaussian() * volatility);
            builder.add(
                    firstDay + 86_400L * i,
                    open,
                    Math.max(open, price) * 1.003,
                    Math.min(open, price) * 0.997,
                    price,
                    random.nextDouble(1e5, 1e7));
        }
        return builder.build();
    }
}
