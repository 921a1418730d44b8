package dev.sextant.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    private static OhlcvSeries series(long[] times, double firstClose) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(times.length);
        for (int i = 0; i < times.length; i++) {
            double close = firstClose + i;
            builder.add(times[i], close, close, close, close, 1);
        }
        return builder.build();
    }

    @Test
    void test_onlyTheTimesEverySeriesHasAreKept() {
        OhlcvSeries a = series(new long[] {1, 2, 3, 5, 6}, 10);
        OhlcvSeries b = series(new long[] {2, 3, 4, 5, 7}, 20);
        OhlcvSeries c = series(new long[] {0, 2, 3, 5, 6, 7}, 30);

        Alignment.Aligned aligned = Alignment.closes(List.of(a, b, c));

        assertThat(aligned.times()).containsExactly(2, 3, 5);
        assertThat(aligned.closes()[0]).containsExactly(11, 12, 13);
        assertThat(aligned.closes()[1]).containsExactly(20, 21, 23);
        assertThat(aligned.closes()[2]).containsExactly(31, 32, 33);
    }

    @Test
    void test_disjointOrEmptySeries_shareNothing() {
        OhlcvSeries a = series(new long[] {1, 3}, 1);
        OhlcvSeries b = series(new long[] {2, 4}, 1);

        assertThat(Alignment.closes(List.of(a, b)).times()).isEmpty();
        assertThat(Alignment.closes(List.of(a, OhlcvSeries.empty())).times()).isEmpty();
        assertThat(Alignment.closes(List.of()).times()).isEmpty();
        assertThat(Alignment.closes(List.of(a)).closes()[0]).containsExactly(1, 2);
    }
}
