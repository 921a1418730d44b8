package dev.sextant.analytics.indicators;

import java.util.SplittableRandom;

/**
 * Reproducible synthetic prices for indicator tests: a geometric random walk with bars around it,
 * some flat stretches (they hit the division-by-zero corners of RSI and Bollinger) and gaps.
 */
record PriceWalks(double[] open, double[] high, double[] low, double[] close, double[] volume) {

    static PriceWalks of(long seed, int bars) {
        return of(seed, bars, true);
    }

    /** Without the flat stretches: prices that move at every bar. */
    static PriceWalks moving(long seed, int bars) {
        return of(seed, bars, false);
    }

    private static PriceWalks of(long seed, int bars, boolean flatStretches) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] open = new double[bars];
        double[] high = new double[bars];
        double[] low = new double[bars];
        double[] close = new double[bars];
        double[] volume = new double[bars];
        double price = 20 + random.nextDouble() * 480;
        boolean flat = false;
        for (int i = 0; i < bars; i++) {
            if (random.nextInt(40) == 0 && flatStretches) {
                flat = !flat;
            }
            double previous = price;
            if (!flat) {
                price *= Math.exp(
                        random.nextGaussian() * 0.02 + (random.nextInt(60) == 0 ? random.nextGaussian() * 0.1 : 0));
            }
            open[i] = previous;
            close[i] = price;
            double spread = flat ? 0 : price * random.nextDouble() * 0.02;
            high[i] = Math.max(previous, price) + spread;
            low[i] = Math.min(previous, price) - spread * random.nextDouble();
            volume[i] = random.nextInt(20) == 0 ? 0 : Math.floor(random.nextDouble() * 1e6);
        }
        return new PriceWalks(open, high, low, close, volume);
    }
}
