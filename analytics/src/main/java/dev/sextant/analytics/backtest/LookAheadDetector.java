package dev.sextant.analytics.backtest;

import dev.sextant.analytics.check.Check;
import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs a strategy on a series, then, for several bars t, on copies whose bars after t are replaced
 * by a different random walk; any decision up to t that changes read the future.
 */
final class LookAheadDetector {

    private LookAheadDetector() {}

    static LookAheadReport check(
            OhlcvSeries series, Function<OhlcvSeries, Strategy> strategyFor, int probes, long seed) {
        Check.positive(probes, "probes");
        BacktestConfig config = BacktestConfig.of(1);
        List<Signal> original =
                Engine.run(series, strategyFor.apply(series), config).decisions();
        SplittableRandom random = new SplittableRandom(seed);
        int first = strategyFor.apply(series).minimumBars() - 1;
        int last = series.size() - 2;
        List<Integer> probed = new ArrayList<>();
        List<LookAheadReport.Violation> violations = new ArrayList<>();
        for (int p = 0; p < probes && first <= last; p++) {
            int t = first + (int) ((long) (last - first) * p / Math.max(1, probes - 1));
            if (probed.contains(t)) {
                continue;
            }
            probed.add(t);
            OhlcvSeries altered = alteredAfter(series, t, random);
            List<Signal> decisions =
                    Engine.run(altered, strategyFor.apply(altered), config).decisions();
            for (int i = 0; i <= t; i++) {
                if (decisions.get(i) != original.get(i)) {
                    violations.add(new LookAheadReport.Violation(t, i, original.get(i), decisions.get(i)));
                    break;
                }
            }
        }
        return new LookAheadReport(probed, violations);
    }

    /** The bars up to t unchanged; after it a fresh random walk from t's close, moving 1 to 5 % a bar. */
    private static OhlcvSeries alteredAfter(OhlcvSeries series, int t, SplittableRandom random) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(series.size());
        for (int i = 0; i <= t; i++) {
            builder.add(
                    series.time(i), series.open(i), series.high(i), series.low(i), series.close(i), series.volume(i));
        }
        double price = series.close(t);
        for (int i = t + 1; i < series.size(); i++) {
            double open = price;
            double move = (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.01, 0.05);
            price = open * (1 + move);
            builder.add(series.time(i), open, Math.max(open, price), Math.min(open, price), price, series.volume(i));
        }
        return builder.build();
    }
}
