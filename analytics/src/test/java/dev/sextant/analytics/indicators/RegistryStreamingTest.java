package dev.sextant.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.OhlcvSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registry indicator, streamed one bar at a time through {@link StreamingIndicator}, yields
 * exactly its batch computation's numbers, bit for bit, NaN where the batch has NaN; and its first
 * value, in every output, comes at the lookback the registry gives. The cases iterate the registry,
 * so an indicator added to it is tested without anyone listing it here.
 */
class RegistryStreamingTest {

    private static final int CASES_PER_INDICATOR = 40;

    record Case(String indicator, long seed, int bars, long step, Map<String, Double> params) {
        IndicatorCatalog.Definition definition() {
            return IndicatorCatalog.ALL.get(indicator);
        }

        @Override
        public String toString() {
            return indicator + params + " over " + bars + " bars " + step + "s apart (seed " + seed + ")";
        }
    }

    static Stream<Arguments> cases() {
        SplittableRandom random = new SplittableRandom(20_261_203L);
        List<Arguments> cases = new ArrayList<>();
        for (IndicatorCatalog.Definition definition : IndicatorCatalog.ALL.values()) {
            // The defaults first, over a series long enough for any of them; then random ones.
            cases.add(Arguments.of(new Case(
                    definition.name(),
                    random.nextLong(),
                    700,
                    RegistryCases.step(random),
                    definition.resolve(Map.of()))));
            for (int i = 1; i < CASES_PER_INDICATOR; i++) {
                int bars = switch (i % 4) {
                    case 0 -> random.nextInt(0, 4);
                    case 1 -> random.nextInt(4, 60);
                    default -> random.nextInt(60, 600);
                };
                cases.add(Arguments.of(new Case(
                        definition.name(),
                        random.nextLong(),
                        bars,
                        RegistryCases.step(random),
                        RegistryCases.params(definition, random, 300))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void test_stream_equalsBatchBitForBit(Case k) {
        IndicatorCatalog.Definition definition = k.definition();
        OhlcvSeries bars =
                RegistryCases.series(PriceWalks.of(k.seed(), k.bars()), 1_700_000_000L + k.seed() % 86_400, k.step());
        List<double[]> batch = definition.compute().apply(bars, k.params());
        StreamingIndicator stream = definition.stream(k.params());
        double[][] streamed = new double[stream.outputs().size()][bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            // Both entry points: the checked bar value on even seeds, the primitives on odd ones.
            double first = k.seed() % 2 == 0
                    ? stream.next(bars.bar(i))
                    : stream.next(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            for (int output = 0; output < streamed.length; output++) {
                streamed[output][i] = stream.value(output);
            }
            if (Double.doubleToLongBits(first) != Double.doubleToLongBits(streamed[0][i])) {
                assertThat(first)
                        .as("next() answers the first output, bar " + i)
                        .isEqualTo(streamed[0][i]);
            }
        }

        assertThat(batch).as("one batch column per stream output").hasSize(streamed.length);
        for (int output = 0; output < streamed.length; output++) {
            String what = k + " output " + stream.outputs().get(output);
            double[] column = batch.get(output);
            assertThat(column).as(what + ": batch length").hasSize(bars.size());
            for (int i = 0; i < column.length; i++) {
                // A plain comparison first: AssertJ per element would make this test many times slower.
                if (Double.doubleToLongBits(streamed[output][i]) != Double.doubleToLongBits(column[i])) {
                    assertThat(streamed[output][i])
                            .as(what + " at bar " + i + ": batch " + column[i])
                            .isEqualTo(column[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void test_lookback_isTheFirstValueOfEveryOutput(Case k) {
        IndicatorCatalog.Definition definition = k.definition();
        OhlcvSeries bars = RegistryCases.series(PriceWalks.of(k.seed(), k.bars()), 1_700_000_000L, k.step());
        List<double[]> batch = definition.compute().apply(bars, k.params());
        int lookback = definition.lookback(k.params());
        assertThat(definition.stream(k.params()).lookback()).isEqualTo(lookback);
        for (int output = 0; output < batch.size(); output++) {
            double[] column = batch.get(output);
            for (int i = 0; i < column.length; i++) {
                if (Double.isNaN(column[i]) != (i < lookback)) {
                    assertThat(Double.isNaN(column[i]))
                            .as(k + " output " + output + " at bar " + i + " is " + column[i] + "; lookback " + lookback
                                    + ": NaN exactly before it")
                            .isEqualTo(i < lookback);
                }
            }
        }
    }

    static Stream<Arguments> badParams() {
        return Stream.of(
                Arguments.of("SMA", Map.of("period", 1.0), "'period' must be a whole number from 2.0 to 1000.0"),
                Arguments.of("SMA", Map.of("period", 2.5), "'period' must be a whole number"),
                Arguments.of("SMA", Map.of("length", 5.0), "SMA takes no parameter 'length'"),
                Arguments.of("SAR", Map.of("maximum", 0.0), "'maximum' must be from 0.001 to 1.0"),
                Arguments.of("BBANDS", Map.of("stddev", Double.NaN), "'stddev' must be from 0.1 to 10.0"));
    }

    @ParameterizedTest
    @MethodSource("badParams")
    void test_stream_badParams_areRefusedNamingTheParameter(
            String indicator, Map<String, Double> params, String message) {
        IndicatorCatalog.Definition definition = IndicatorCatalog.ALL.get(indicator);
        assertThatThrownBy(() -> definition.stream(params))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> definition.warmUp(params)).isInstanceOf(IllegalArgumentException.class);
    }
}
