package dev.sextant.marketdata.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The layouts users bring, and the exact line of whatever is wrong in them. */
class BarFileParserTest {

    /** Wednesday 2025-06-11, 15:00 UTC. */
    private static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");

    private static OhlcvSeries parse(String text) {
        return parse(text, BarInterval.ONE_DAY);
    }

    private static OhlcvSeries parse(String text, BarInterval interval) {
        return BarFileParser.parse(text.getBytes(StandardCharsets.UTF_8), new BarHorizon(interval, NOW));
    }

    @Test
    void test_aDailyBar_mayBeDatedTodayInAnyTimeZone_butNotLater() {
        // At 15:00 UTC it is already June 12 east of UTC+9; it is June 13 nowhere.
        assertThat(parse("Date,Open,High,Low,Close\n2025-06-12,1,2,1,1.5\n").size())
                .isEqualTo(1);
        assertThatThrownBy(() -> parse("Date,Open,High,Low,Close\n2025-06-12,1,2,1,1.5\n2025-06-13,1,2,1,1.5\n"))
                .isInstanceOfSatisfying(DomainException.class, problem -> {
                    assertThat(problem.getMessage()).contains("line 3", "2025-06-13", "future");
                    assertThat(problem.details()).containsEntry("line", 3).containsEntry("date", "2025-06-13");
                });
    }

    @Test
    void test_anIntradayBar_mayStartAtMostAMinuteAhead() {
        assertThat(parse("time,open,high,low,close\n2025-06-11T15:01:00Z,1,2,1,1.5\n", BarInterval.ONE_MINUTE)
                        .size())
                .isEqualTo(1);
        assertThatThrownBy(() -> parse(
                        "[{\"time\":\"2025-06-11T15:00:00Z\",\"open\":1,\"high\":2,\"low\":1,\"close\":1.5},"
                                + "{\"time\":\"2025-06-11T15:02:00Z\",\"open\":1,\"high\":2,\"low\":1,\"close\":1.5}]",
                        BarInterval.ONE_MINUTE))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        problem -> assertThat(problem.details())
                                .containsEntry("bar", 2)
                                .containsEntry("date", "2025-06-11T15:02:00Z"));
    }

    @Test
    void test_yahooCsv_isRead() {
        OhlcvSeries bars = parse("""
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700
                2024-01-03,184.22,185.88,183.43,184.25,183.56,58414500
                """);

        assertThat(bars.size()).isEqualTo(2);
        assertThat(Instant.ofEpochSecond(bars.time(0))).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(bars.close(1)).isEqualTo(184.25);
        assertThat(bars.volume(0)).isEqualTo(82_488_700);
    }

    @Test
    void test_stooqCsvNewestFirstWithSemicolons_isReadOldestFirst() {
        OhlcvSeries bars = parse("""
                Date;Open;High;Low;Close;Volume
                20240103;10.5;11;10;10.8;1000
                20240102;10;10.9;9.8;10.5;900
                """);

        assertThat(bars.closes()).containsExactly(10.5, 10.8);
    }

    @Test
    void test_epochTimesAndNoVolume_areRead() {
        OhlcvSeries bars = parse("""
                timestamp,open,high,low,close
                1704153600000,1,2,0.5,1.5
                1704240000000,1.5,2,1,1.8
                """);

        assertThat(bars.time(1) - bars.time(0)).isEqualTo(86_400);
        assertThat(bars.volume(0)).isZero();
    }

    @Test
    void test_json_inBothShapes_isRead() {
        OhlcvSeries array = parse(
                "[{\"time\":\"2024-01-02T14:30:00Z\",\"open\":1,\"high\":2,\"low\":1,\"close\":2," + "\"volume\":5}]");
        OhlcvSeries wrapped = parse("{\"symbol\":\"X\",\"bars\":[{\"date\":\"2024-01-02\",\"open\":\"1\",\"high\":2,"
                + "\"low\":1,\"close\":2}]}");

        assertThat(array.size()).isEqualTo(1);
        assertThat(wrapped.close(0)).isEqualTo(2);
    }

    static Stream<Arguments> badFiles() {
        String header = "Date,Open,High,Low,Close,Volume\n";
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("Day,Price\n2024-01-02,1\n", "line 1: no 'time' column"),
                Arguments.of(
                        header + "2024-01-02,1,2,1,1.5,10\n2024-01-03,null,2,1,1.5,10\n",
                        "line 3: 'open' is not a number"),
                Arguments.of(header + "2024-01-02,1,2,1,NaN,10\n", "line 2: 'close' is not a finite number"),
                Arguments.of(header + "2024-01-02,1,2,1,1.5,-10\n", "line 2: volume must be finite and not negative"),
                Arguments.of(header + "2024-01-02,1,0.5,1,1.5,10\n", "line 2: low 1.0 and high 0.5 must enclose"),
                Arguments.of(
                        header + "2024-01-02,1,2,1,1.5,10\n2024-01-04,1,2,1,1.5,10\n2024-01-03,1,2,1,1.5,10\n",
                        "line 4: the rows are not in time order"),
                Arguments.of(
                        header + "2024-01-02,1,2,1,1.5,10\n2024-01-02,1,2,1,1.5,10\n",
                        "line 3: the rows are not in time order"),
                Arguments.of(header + "02/01/2024,1,2,1,1.5,10\n", "line 2: '02/01/2024' is not a date"),
                Arguments.of(header + "2024-01-02,1,2\n", "line 2: expected 6 columns"),
                Arguments.of("<html><body>Too many requests</body></html>", "no 'time' column"),
                Arguments.of(
                        "[{\"time\":\"2024-01-02\",\"open\":1,\"high\":2,\"low\":1}]", "bar 1: no number for 'close'"),
                Arguments.of("{\"bars\": 5}", "must be an array"),
                Arguments.of("[{\"open\":1}", "not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void test_badFiles_nameWhatAndWhere(String content, String message) {
        assertThatThrownBy(() -> parse(content))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(message)
                .satisfies(problem -> assertThat(((DomainException) problem).refusal())
                        .isEqualTo(MarketDataRefusals.INVALID_IMPORT_FILE));
    }
}
