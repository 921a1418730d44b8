package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry's warm-up means what it says: a stream started cold on some bars and one that saw a
 * long, different history before those same bars agree, to within {@link UnstablePeriod#TOLERANCE}
 * of the numbers' size, from the warm-up on. For a recursive indicator they do not yet agree at its
 * lookback (so this test fails when an unstable period is missing or too short to matter); for a
 * windowed one they agree from the lookback on; for an anchored one the history shows at the
 * lookback. Every registry entry is checked, at its defaults and at random parameters.
 *
 * <p>The prices move at every bar. In a stretch without movement a ratio of Wilder sums (RSI, the
 * DIs) takes no new terms, so numerator and denominator fade together and the value stays all
 * memory: the unstable period bounds the seed's share of the state, which only moving bars dilute.
 * The bars are a minute or an hour apart and the shared ones start mid-day, so VWAP's anchor at
 * the start of the UTC day shows.
 */
class WarmUpPropertyTest {

    /**
     * The allowance over the tolerance: a value is a few of its recursions' states combined (TEMA's
     * {@code 3 e1 - 3 e2 + e3}, the DIs' ratios), each within the tolerance of its seed's size.
     */
    private static final double SLACK = 10;

    private static final int CASES_PER_INDICATOR = 8;

    record Case(String indicator, long seed, int history, long step, Map<String, Double> params) {
        @Override
        public String toString() {
            return indicator + params + " after " + history + " bars of other history (seed " + seed + ")";
        }
    }

    static Stream<Arguments> cases() {
        SplittableRandom random = new SplittableRandom(9_1203L);
        List<Arguments> cases = new ArrayList<>();
        for (IndicatorCatalog.Definition definition : IndicatorCatalog.ALL.values()) {
            cases.add(Arguments.of(new Case(
                    definition.name(),
                    random.nextLong(),
                    random.nextInt(1, 400),
                    3_600,
                    definition.resolve(Map.of()))));
            for (int i = 1; i < CASES_PER_INDICATOR; i++) {
                cases.add(Arguments.of(new Case(
                        definition.name(),
                        random.nextLong(),
                        random.nextInt(1, 400),
                        random.nextBoolean() ? 60 : 3_600,
                        RegistryCases.params(definition, random, 200))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void test_streamsWithDifferentHistories_agreeFromTheWarmUpOn(Case k) {
        IndicatorCatalog.Definition definition = IndicatorCatalog.ALL.get(k.indicator());
        int lookback = definition.lookback(k.params());
        OptionalInt warmUp = definition.warmUp(k.params());
        int common = warmUp.orElse(lookback) + 100;
        // Two unrelated walks: the history ends at one price level, the common bars start at another.
        PriceWalks history = PriceWalks.moving(k.seed(), k.history());
        PriceWalks shared = PriceWalks.moving(k.seed() ^ 0x5DEECE66DL, common);
        long noon = 1_700_049_600L; // 2023-11-15T12:00:00Z: the bar before is on the same UTC day
        OhlcvSeries cold = RegistryCases.series(shared, noon, k.step());
        OhlcvSeries warm = RegistryCases.series(concat(history, shared), noon - k.history() * k.step(), k.step());

        double[][] coldValues = values(definition.stream(k.params()), cold, 0);
        double[][] warmValues = values(definition.stream(k.params()), warm, k.history());

        double[] differenceAtLookback = new double[coldValues.length];
        for (int output = 0; output < coldValues.length; output++) {
            double allowed = SLACK
                    * UnstablePeriod.TOLERANCE
                    * scale(cold, warm, coldValues[output], warmValues[output], lookback);
            differenceAtLookback[output] =
                    Math.abs(coldValues[output][lookback] - warmValues[output][lookback]) / allowed;
            for (int i = warmUp.orElse(common); i < common; i++) {
                double difference = Math.abs(coldValues[output][i] - warmValues[output][i]);
                if (!(difference <= allowed)) {
                    assertThat(difference)
                            .as(k + " output " + definition.streamOutputs().get(output) + " at common bar " + i
                                    + " (warm-up " + warmUp + "): cold " + coldValues[output][i] + ", warm "
                                    + warmValues[output][i])
                            .isLessThanOrEqualTo(allowed);
                }
            }
        }
        double largest = Stream.of(differenceAtLookback)
                .flatMapToDouble(java.util.Arrays::stream)
                .max()
                .orElseThrow();
        int unstable = warmUp.isPresent() ? warmUp.getAsInt() - lookback : -1;
        if (unstable > 0 || warmUp.isEmpty()) {
            assertThat(largest)
                    .as(k + ": at the lookback the history must still show (else its unstable period is not needed)")
                    .isGreaterThan(1);
        } else {
            assertThat(largest)
                    .as(k + ": a windowed indicator agrees from its lookback")
                    .isLessThanOrEqualTo(1);
        }
    }

    /** The values of each output at the bars after {@code skip}, one array per output. */
    private static double[][] values(StreamingIndicator stream, OhlcvSeries bars, int skip) {
        double[][] values = new double[stream.outputs().size()][bars.size() - skip];
        for (int i = 0; i < bars.size(); i++) {
            stream.next(bars.bar(i));
            if (i >= skip) {
                for (int output = 0; output < values.length; output++) {
                    values[output][i - skip] = stream.value(output);
                }
            }
        }
        return values;
    }

    /**
     * The size the tolerance is relative to: the largest price either stream saw (seeds are built
     * from prices) or value either gave from the lookback on, and at least 1.
     */
    private static double scale(OhlcvSeries a, OhlcvSeries b, double[] aValues, double[] bValues, int from) {
        double scale = 1;
        for (OhlcvSeries bars : List.of(a, b)) {
            for (int i = 0; i < bars.size(); i++) {
                scale = Math.max(scale, bars.high(i));
            }
        }
        for (double[] values : List.of(aValues, bValues)) {
            for (int i = from; i < values.length; i++) {
                scale = Math.max(scale, Math.abs(values[i]));
            }
        }
        return scale;
    }

    private static PriceWalks concat(PriceWalks first, PriceWalks second) {
        return new PriceWalks(
                concat(first.open(), second.open()),
                concat(first.high(), second.high()),
                concat(first.low(), second.low()),
                concat(first.close(), second.close()),
                concat(first.volume(), second.volume()));
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
