package dev.sextant.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BarTest {

    @Test
    void test_bar_ofASeries_isThatBarsValues() {
        OhlcvSeries series = OhlcvSeries.builder(2)
                .add(100, 10, 11, 9, 10.5, 1000)
                .add(200, 10.5, 12, 10, 11.5, 2000)
                .build();

        assertThat(series.bar(1)).isEqualTo(new Bar(200, 10.5, 12, 10, 11.5, 2000));
        assertThat(series.window(1, 2).bar(0)).isEqualTo(series.bar(1));
        assertThatThrownBy(() -> series.bar(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static Stream<Arguments> badBars() {
        return Stream.of(
                Arguments.of(-1, 11, 9, 10, 5, "prices must be positive and finite"),
                Arguments.of(10, Double.POSITIVE_INFINITY, 9, 10, 5, "prices must be positive and finite"),
                Arguments.of(10, 11, Double.NaN, 10, 5, "prices must be positive and finite"),
                Arguments.of(10, 11, 10.5, 10, 5, "must enclose open 10.0 and close 10.0"),
                Arguments.of(10, 9.5, 9, 10, 5, "must enclose"),
                Arguments.of(10, 11, 9, 10, -5, "volume must be finite and not negative, was -5.0"),
                Arguments.of(10, 11, 9, 10, Double.NaN, "volume must be finite and not negative"));
    }

    @ParameterizedTest
    @MethodSource("badBars")
    void test_bar_badValues_areRefusedAsInASeries(double o, double h, double l, double c, double v, String message) {
        assertThatThrownBy(() -> new Bar(1_700_000_000L, o, h, l, c, v))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bar at 1700000000: ")
                .hasMessageContaining(message);
        assertThatThrownBy(() -> OhlcvSeries.builder(1).add(1, o, h, l, c, v).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bar 0: ")
                .hasMessageContaining(message);
    }
}
