package dev.sextant.analytics.indicators;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Reproducible random inputs for tests that iterate the whole registry: valid parameters and bars. */
final class RegistryCases {

    private RegistryCases() {}

    /**
     * Random parameters within the definition's bounds: whole numbers where it wants them, mostly
     * small (the bounds reach 1000, which would leave short series all NaN) and now and then up to
     * {@code largest}.
     */
    static Map<String, Double> params(IndicatorCatalog.Definition definition, SplittableRandom random, int largest) {
        Map<String, Double> params = new LinkedHashMap<>();
        for (IndicatorCatalog.Param param : definition.params()) {
            double value;
            if (param.integer()) {
                int min = (int) param.min();
                int max = (int) Math.min(param.max(), random.nextInt(5) == 0 ? largest : min + 30);
                value = random.nextInt(min, max + 1);
            } else {
                value = param.min() + random.nextDouble() * (param.max() - param.min());
            }
            params.put(param.name(), value);
        }
        return params;
    }

    /**
     * {@link PriceWalks} as a series, its bars {@code step} seconds apart from {@code start} (VWAP
     * restarts at each UTC day, so the spacing matters to it).
     */
    static OhlcvSeries series(PriceWalks walk, long start, long step) {
        int n = walk.close().length;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = start + i * step;
        }
        return OhlcvSeries.ofUnsafe(
                times,
                walk.open().clone(),
                walk.high().clone(),
                walk.low().clone(),
                walk.close().clone(),
                walk.volume().clone());
    }

    /** Bar spacing: a minute, an hour or a day. */
    static long step(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> 60;
            case 1 -> 3_600;
            default -> 86_400;
        };
    }
}
