package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.indicators.Rsi;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.risk.RiskMetrics;
import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AS OF, FROM ... TO and data that ends in the past, against the numbers computed directly. */
class QueryTimeTest {

    /** 2020-01-02 plus 1,000 calendar days: the walks' bars run to 2022-09-28. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2024-01-10T12:00:00Z"), ZoneOffset.UTC);

    private final QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS, TODAY);
    private final QueryEngineTest.Memory data = new QueryEngineTest.Memory();

    QueryTimeTest() {
        data.series.put("S", QueryEngineTest.walk(1, 1_000, 100, 0.02));
        data.series.put("T", QueryEngineTest.walk(2, 1_000, 40, 0.03));
        data.universes.put("both", List.of("S", "T"));
    }

    private List<QueryEngine.Table> run(String query) {
        return engine.run(engine.parse(query), data);
    }

    /** The index of the bar of a date (every calendar day has one). */
    private static int index(LocalDate date) {
        return (int) (date.toEpochDay() - LocalDate.of(2020, 1, 2).toEpochDay());
    }

    private OhlcvSeries upTo(String symbol, LocalDate date) {
        return data.series.get(symbol).window(0, index(date) + 1);
    }

    @Test
    void test_asOf_evaluatesAtThatDatesClose_onTheBarsUpToIt() {
        LocalDate date = LocalDate.of(2021, 3, 28);
        OhlcvSeries bars = upTo("S", date);
        double[] rsi = Rsi.of(bars.closes(), 14);

        QueryEngine.Table table =
                run("EVALUATE S: PRICE, RSI(14), CHANGE(5d) AS OF 2021-03-28").getFirst();
        QueryEngine.Table scan = run("SCAN both WHERE RSI(14) = " + new java.math.BigDecimal(rsi[rsi.length - 1])
                        + " AS OF 2021-03-28")
                .getFirst();

        List<Object> row = table.rows().getFirst();
        assertThat(row.get(1)).isEqualTo(bars.close(bars.size() - 1));
        assertThat(row.get(2)).isEqualTo(rsi[rsi.length - 1]);
        assertThat((Double) row.get(3))
                .isCloseTo(bars.close(bars.size() - 1) / bars.close(bars.size() - 6) - 1, within(1e-15));
        assertThat(table.asOf()).isEqualTo("2021-03-28");
        assertThat(table.from()).isNull();
        assertThat(table.notes()).isEmpty();
        assertThat(scan.rows()).extracting(r -> r.get(0)).containsExactly("S");
    }

    @Test
    void test_fromTo_isThePeriodOfEverySpanNotWritten_withTheCloseBeforeItAsBase() {
        LocalDate from = LocalDate.of(2021, 1, 1);
        LocalDate to = LocalDate.of(2021, 6, 30);
        double[] closes = Arrays.copyOfRange(data.series.get("S").closes(), index(from) - 1, index(to) + 1);
        double[] other = Arrays.copyOfRange(data.series.get("T").closes(), index(from) - 1, index(to) + 1);
        OhlcvSeries bars = upTo("S", to);
        double volume = 0;
        for (int i = index(from); i <= index(to); i++) {
            volume += bars.volume(i);
        }
        volume /= index(to) - index(from) + 1;

        QueryEngine.Table table = run("EVALUATE S: CHANGE, VOLATILITY, MAX_DRAWDOWN, AVG_VOLUME, CORRELATE(T), "
                        + "CHANGE(1d), PRICE FROM 2021-01-01 TO 2021-06-30")
                .getFirst();
        List<Object> row = table.rows().getFirst();

        assertThat((Double) row.get(1)).isCloseTo(closes[closes.length - 1] / closes[0] - 1, within(1e-12));
        assertThat((Double) row.get(2)).isCloseTo(RiskMetrics.volatility(Returns.simple(closes), 252), within(1e-12));
        assertThat((Double) row.get(3))
                .isCloseTo(RiskMetrics.maxDrawdown(closes).depth(), within(1e-12));
        assertThat((Double) row.get(4)).isCloseTo(volume, within(1e-6));
        assertThat((Double) row.get(5))
                .isCloseTo(Correlation.correlation(Returns.log(closes), Returns.log(other)), within(1e-12));
        assertThat((Double) row.get(6))
                .as("a span written counts back from TO")
                .isCloseTo(bars.close(bars.size() - 1) / bars.close(bars.size() - 2) - 1, within(1e-15));
        assertThat(row.get(7)).isEqualTo(bars.close(bars.size() - 1));
        assertThat(table.asOf()).isEqualTo("2021-06-30");
        assertThat(table.from()).isEqualTo("2021-01-01");

        double correlation = (Double) run("CORRELATE S, T FROM 2021-01-01 TO 2021-06-30")
                .getFirst()
                .rows()
                .getFirst()
                .get(2);
        assertThat(correlation).isCloseTo((Double) row.get(5), within(1e-12));
        assertThat(run("REGRESS S ON T FROM 2021-01-01 TO 2021-06-30")
                        .getFirst()
                        .rows()
                        .getFirst()
                        .get(5))
                .as("observations: the returns of the period's sessions")
                .isEqualTo((double) closes.length - 1);
    }

    @Test
    void test_dataEndingInThePast_isEvaluatedAtItsLastBar_andTheAnswerSaysSo() {
        OhlcvSeries bars = data.series.get("S");

        QueryEngine.Table table = run("EVALUATE S: PRICE, RSI(14)").getFirst();
        QueryEngine.Table recent = run("EVALUATE S: PRICE AS OF 2022-09-30").getFirst();
        QueryEngine.Table before = run("EVALUATE S: PRICE AS OF 2019-06-30").getFirst();

        assertThat(table.rows().getFirst().get(1)).isEqualTo(bars.close(bars.size() - 1));
        double[] rsi = Rsi.of(bars.closes(), 14);
        assertThat(table.rows().getFirst().get(2)).as("RSI(14) at the last bar").isEqualTo(rsi[rsi.length - 1]);
        assertThat(table.asOf()).isEqualTo("2024-01-10");
        assertThat(table.notes())
                .containsExactly(new QueryEngine.Note(
                        "S",
                        "2022-09-27",
                        "S's data ends on 2022-09-27: evaluated at its last bar (2022-09-27), not at 2024-01-10."));
        assertThat(recent.notes()).as("within a week: no note").isEmpty();
        assertThat(before.rows().getFirst().get(1)).isNull();
        assertThat(before.notes())
                .extracting(QueryEngine.Note::note)
                .containsExactly("S has no bars up to 2019-06-30.");
    }

    @Test
    void test_badDates_futureAsOf_andFromAfterTo_sayWhere() {
        assertThatThrownBy(() -> engine.parse("EVALUATE S: PRICE AS OF 2021-02-30"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(25))
                .hasMessageContaining("'2021-02-30' is not a date");
        assertThatThrownBy(() -> engine.parse("EVALUATE S: PRICE AS OF 2021"))
                .isInstanceOf(DslSyntaxError.class)
                .hasMessageContaining("expected a date");
        assertThatThrownBy(() -> engine.parse("EVALUATE S: PRICE;\nSCAN both WHERE PRICE > 1 AS OF 2024-01-11"))
                .isInstanceOfSatisfying(QueryInvalid.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(33);
                })
                .hasMessageContaining("AS OF 2024-01-11 is in the future; today is 2024-01-10");
        assertThatThrownBy(() -> engine.parse("EVALUATE S: CHANGE FROM 2021-06-30 TO 2021-01-01"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(25))
                .hasMessageContaining("FROM 2021-06-30 is after TO 2021-01-01");
        assertThatThrownBy(() -> engine.parse("CORRELATE S, T OVER 1y FROM 2021-01-01 TO 2021-06-30"))
                .isInstanceOf(DslSyntaxError.class)
                .hasMessageContaining("OVER and FROM ... TO both give the period");
        assertThatThrownBy(() -> engine.parse("MACRO: S FROM 2021-01-01 TO 2021-06-30"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("MACRO's latest values take AS OF");
        assertThat(engine.parse("EVALUATE S: PRICE AS OF 2024-01-10")).hasSize(1);
    }
}
