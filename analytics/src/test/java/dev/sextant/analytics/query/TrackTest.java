package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code TRACK symbol WHEN condition}: its grammar, and the one-symbol evaluation alerts run on. */
class TrackTest {

    /** The walk's 600 days (from 2020-01-02) end on 2021-08-23; the engine's today is two days later. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-08-25T12:00:00Z"), ZoneOffset.UTC);

    private final QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS, CLOCK);

    private static QueryEngineTest.Memory market() {
        QueryEngineTest.Memory memory = new QueryEngineTest.Memory();
        memory.series.put("AAPL", QueryEngineTest.walk(7, 600, 100, 0.02));
        memory.series.put("SPY", QueryEngineTest.walk(8, 600, 400, 0.01));
        return memory;
    }

    private Ast.Track track(String text) {
        List<Ast.Statement> statements = engine.parse(text);
        assertThat(statements).hasSize(1);
        return (Ast.Track) statements.getFirst();
    }

    @Test
    void test_parse_keepsTheSymbolAndTheConditionAsWritten() {
        Ast.Track track = track("track aapl when  PRICE > 1.05 * SMA(20)\n  AND rsi(14) < 70 ;");

        assertThat(track.symbol()).isEqualTo("AAPL");
        assertThat(track.conditionText()).isEqualTo("PRICE > 1.05 * SMA(20)\n  AND rsi(14) < 70");
        assertThat(track.text()).isEqualTo("TRACK AAPL WHEN PRICE > 1.05 * SMA(20)\n  AND rsi(14) < 70");
        assertThat(track.metrics()).extracting(Ast.Metric::text).containsExactly("PRICE", "SMA(20)", "RSI(14)");
        Ast.Track again = track(track.text());
        assertThat(again.conditionText())
                .as("the stored text parses to the same condition")
                .isEqualTo(track.conditionText());
        assertThat(again.metrics()).extracting(Ast.Metric::text).containsExactly("PRICE", "SMA(20)", "RSI(14)");
    }

    @Test
    void test_parse_amongOtherStatements_cutsEachConditionAtItsOwnEnd() {
        List<Ast.Statement> statements =
                engine.parse("EVALUATE AAPL: PRICE; TRACK SPY WHEN CHANGE(5d) BETWEEN -5% AND 5%; TRACK AAPL WHEN "
                        + "TREND IS BULLISH OR PRICE < 90");

        assertThat(statements).hasSize(3);
        assertThat(((Ast.Track) statements.get(1)).conditionText()).isEqualTo("CHANGE(5d) BETWEEN -5% AND 5%");
        assertThat(((Ast.Track) statements.get(2)).conditionText()).isEqualTo("TREND IS BULLISH OR PRICE < 90");
    }

    static Stream<Arguments> badTracks() {
        return Stream.of(
                Arguments.of("TRACK AAPL PRICE > 5", 1, 12, "WHEN"),
                Arguments.of("TRACK AAPL WHEN", 1, 16, "a number or a metric"),
                Arguments.of("TRACK WHEN PRICE > 5", 1, 12, "WHEN"),
                Arguments.of("TRACK AAPL WHEN PRIC > 5", 1, 17, "did you mean PRICE"),
                Arguments.of("TRACK AAPL WHEN PRICE > 5 AS OF 2021-01-04", 1, 33, "live price"),
                Arguments.of("TRACK AAPL\nWHEN PRICE >", 2, 13, "a number or a metric"),
                // A number after a metric is its argument (FIML's SMA 20), so the comparison is missing at the end.
                Arguments.of("TRACK AAPL WHEN PRICE 5", 1, 24, "a comparison"));
    }

    @ParameterizedTest
    @MethodSource("badTracks")
    void test_parse_badTrack_isASyntaxErrorAtItsLineAndColumn(String text, int line, int column, String says) {
        assertThatThrownBy(() -> engine.parse(text))
                .isInstanceOfSatisfying(DslSyntaxError.class, error -> {
                    assertThat(error.line()).as("line").isEqualTo(line);
                    assertThat(error.column()).as("column").isEqualTo(column);
                })
                .hasMessageContaining(says)
                .hasMessageContaining("Line " + line + ", column " + column);
    }

    @Test
    void test_parse_trackBreakingAMetricsRules_isInvalid() {
        assertThatThrownBy(() -> engine.parse("TRACK AAPL WHEN RSI(0) < 30")).isInstanceOf(QueryInvalid.class);
    }

    /** SMA written out as a plain sum, apart from the kernel the engine uses. */
    private static double sma(double[] closes, int period) {
        double sum = 0;
        for (int i = closes.length - period; i < closes.length; i++) {
            sum += closes[i];
        }
        return sum / period;
    }

    @Test
    void test_evaluate_matchesTheConditionComputedDirectly() {
        QueryEngineTest.Memory data = market();
        OhlcvSeries bars = data.series.get("AAPL");
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.close(i);
        }
        double price = closes[closes.length - 1];
        double sma20 = sma(closes, 20);
        double sma50 = sma(closes, 50);

        QueryEngine.Evaluation above =
                engine.evaluate(track("TRACK AAPL WHEN PRICE > SMA(20) AND SMA(20) > SMA(50)"), data);
        QueryEngine.Evaluation ratio = engine.evaluate(track("TRACK AAPL WHEN PRICE / SMA(50) >= 1.01"), data);

        assertThat(above.met()).isEqualTo(price > sma20 && sma20 > sma50);
        assertThat(above.readings())
                .extracting(QueryEngine.Reading::metric)
                .containsExactly("PRICE", "SMA(20)", "SMA(50)");
        assertThat(above.readings().get(0).value()).isCloseTo(price, within(1e-12));
        assertThat(above.readings().get(1).value()).isCloseTo(sma20, within(1e-9));
        assertThat(above.readings().get(2).value()).isCloseTo(sma50, within(1e-9));
        assertThat(above.readings().get(0).unit()).isNotBlank();
        assertThat(above.asOf()).isEqualTo("2021-08-23");
        assertThat(ratio.met()).isEqualTo(price / sma50 >= 1.01);
    }

    @Test
    void test_evaluate_complementaryConditions_neverAgree_andTheirDisjunctionAlwaysHolds() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200; i++) {
            QueryEngineTest.Memory data = new QueryEngineTest.Memory();
            data.series.put("X", QueryEngineTest.walk(random.nextLong(), 300 + random.nextInt(300), 50, 0.03));
            double threshold = 20 + random.nextDouble() * 80;
            String above = "PRICE > " + threshold;
            String below = "PRICE <= " + threshold;
            boolean met = engine.evaluate(track("TRACK X WHEN " + above), data).met();
            boolean not = engine.evaluate(track("TRACK X WHEN " + below), data).met();
            OhlcvSeries bars = data.series.get("X");

            assertThat(met).isNotEqualTo(not);
            assertThat(met).isEqualTo(bars.close(bars.size() - 1) > threshold);
            assertThat(engine.evaluate(track("TRACK X WHEN " + above + " OR " + below), data)
                            .met())
                    .isTrue();
            assertThat(engine.evaluate(track("TRACK X WHEN " + above + " AND " + below), data)
                            .met())
                    .isFalse();
        }
    }

    @Test
    void test_evaluate_aMetricThatCannotBeComputed_isNullAndNotMet() {
        QueryEngineTest.Memory data = new QueryEngineTest.Memory();
        data.series.put("NEW", QueryEngineTest.walk(3, 10, 10, 0.01));

        QueryEngine.Evaluation evaluation = engine.evaluate(track("TRACK NEW WHEN SMA(200) < 1000000"), data);

        assertThat(evaluation.met()).isFalse();
        assertThat(evaluation.readings().getFirst().value()).isNull();
    }

    @Test
    void test_run_answersWhetherItHoldsNow_asOneRow() {
        QueryEngineTest.Memory data = market();
        OhlcvSeries bars = data.series.get("AAPL");
        double price = bars.close(bars.size() - 1);

        QueryEngine.Table table = engine.run(engine.parse("TRACK AAPL WHEN PRICE > " + (price - 1)), data)
                .getFirst();

        assertThat(table.columns()).extracting(QueryEngine.Column::name).containsExactly("symbol", "met", "PRICE");
        assertThat(table.rows()).containsExactly(List.of("AAPL", true, price));
    }
}
