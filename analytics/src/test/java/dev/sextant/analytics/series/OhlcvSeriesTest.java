package dev.sextant.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OhlcvSeriesTest {

    private static OhlcvSeries threeBars() {
        return OhlcvSeries.builder(3)
                .add(100, 10, 11, 9, 10.5, 1000)
                .add(200, 10.5, 12, 10, 11.5, 2000)
                .add(300, 11.5, 11.5, 10.8, 11, 1500)
                .build();
    }

    @Test
    void test_builder_keepsBarsInOrder() {
        OhlcvSeries series = threeBars();

        assertThat(series.size()).isEqualTo(3);
        assertThat(series.time(1)).isEqualTo(200);
        assertThat(series.close(2)).isEqualTo(11);
        assertThat(series.closes()).containsExactly(10.5, 11.5, 11);
    }

    @Test
    void test_window_sharesBarsWithoutCopy() {
        OhlcvSeries window = threeBars().window(1, 3);

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.time(0)).isEqualTo(200);
        assertThat(window.high(0)).isEqualTo(12);
        assertThat(window.closes()).containsExactly(11.5, 11);
        assertThatThrownBy(() -> window.close(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void test_between_isHalfOpenOnTime() {
        OhlcvSeries series = threeBars();

        assertThat(series.between(100, 300).size()).isEqualTo(2);
        assertThat(series.between(150, 301).time(0)).isEqualTo(200);
        assertThat(series.between(400, 500).isEmpty()).isTrue();
        assertThat(series.window(1, 3).between(0, 250).size()).isEqualTo(1);
    }

    static Stream<Arguments> badBars() {
        return Stream.of(
                Arguments.of(new long[] {100, 100}, 10, 11, 9, 10, 5, "not after the previous"),
                Arguments.of(new long[] {100, 200}, -1, 11, 9, 10, 5, "positive and finite"),
                Arguments.of(new long[] {100, 200}, 10, Double.NaN, 9, 10, 5, "positive and finite"),
                Arguments.of(new long[] {100, 200}, 10, 11, 10.5, 10, 5, "must enclose"),
                Arguments.of(new long[] {100, 200}, 10, 9.5, 9, 10, 5, "must enclose"),
                Arguments.of(new long[] {100, 200}, 10, 11, 9, 10, -5, "volume"),
                Arguments.of(new long[] {100, 200}, 10, 11, 9, 10, Double.NaN, "volume"));
    }

    @ParameterizedTest
    @MethodSource("badBars")
    void test_ofUnsafe_rejectsImpossibleBars(
            long[] times, double o, double h, double l, double c, double v, String message) {
        double[] open = {10, o};
        double[] high = {11, h};
        double[] low = {9, l};
        double[] close = {10, c};
        double[] volume = {5, v};

        assertThatThrownBy(() -> OhlcvSeries.ofUnsafe(times, open, high, low, close, volume))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar 1")
                .hasMessageContaining(message);
    }

    @Test
    void test_ofUnsafe_rejectsColumnsOfDifferentLength() {
        assertThatThrownBy(() -> OhlcvSeries.ofUnsafe(
                        new long[] {1, 2},
                        new double[] {1, 1},
                        new double[] {1},
                        new double[] {1, 1},
                        new double[] {1, 1},
                        new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("high has 1 values but times has 2");
    }

    @Test
    void test_barInterval_parsesWireCodes() {
        assertThat(BarInterval.fromCode("1d")).contains(BarInterval.ONE_DAY);
        assertThat(BarInterval.fromCode("1wk")).contains(BarInterval.ONE_WEEK);
        assertThat(BarInterval.fromCode("2d")).isEmpty();
        assertThat(BarInterval.FIFTEEN_MINUTES.isIntraday()).isTrue();
        assertThat(BarInterval.ONE_DAY.isIntraday()).isFalse();
        assertThat(BarInterval.codes()).isEqualTo("1m, 5m, 15m, 30m, 1h, 1d, 1wk, 1mo");
    }
}
