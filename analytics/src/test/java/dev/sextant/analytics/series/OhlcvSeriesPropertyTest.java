package dev.sextant.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of {@link OhlcvSeries} checked over many generated cases. The cases come from a fixed
 * seed, so a failure names a case that reproduces on every run.
 */
class OhlcvSeriesPropertyTest {

    private static final int CASES = 500;

    record Case(int bars, int a, int b, int c, long fromTime, long span) {}

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(20261123L);
        return IntStream.range(0, CASES)
                .mapToObj(i -> new Case(
                        random.nextInt(0, 201),
                        random.nextInt(0, 201),
                        random.nextInt(0, 201),
                        random.nextInt(0, 201),
                        random.nextLong(0, 14_000),
                        random.nextLong(0, 8_000)));
    }

    private static OhlcvSeries series(int bars) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(1);
        for (int i = 0; i < bars; i++) {
            double price = 100 + i % 7;
            builder.add(1_000L + 60L * i, price, price + 1, price - 1, price + 0.5, i);
        }
        return builder.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void windowOfWindowIsTheSameAsOneWindow(Case k) {
        int from = Math.min(k.a(), k.bars());
        int to = Math.max(from, Math.min(k.b(), k.bars()));
        int inner = Math.min(k.c(), to - from);
        OhlcvSeries all = series(k.bars());

        OhlcvSeries nested = all.window(from, to).window(inner, to - from);
        OhlcvSeries direct = all.window(from + inner, to);

        assertThat(nested.size()).isEqualTo(direct.size());
        assertThat(nested.closes()).containsExactly(direct.closes());
        for (int i = 0; i < direct.size(); i++) {
            assertThat(nested.time(i)).isEqualTo(direct.time(i));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void betweenHoldsExactlyTheBarsInItsHalfOpenRange(Case k) {
        OhlcvSeries all = series(k.bars());
        long toTime = k.fromTime() + k.span();

        OhlcvSeries slice = all.between(k.fromTime(), toTime);

        long expected = IntStream.range(0, all.size())
                .filter(i -> all.time(i) >= k.fromTime() && all.time(i) < toTime)
                .count();
        assertThat(slice.size()).isEqualTo(expected);
        for (int i = 0; i < slice.size(); i++) {
            assertThat(slice.time(i)).isBetween(k.fromTime(), toTime - 1);
        }
    }
}
