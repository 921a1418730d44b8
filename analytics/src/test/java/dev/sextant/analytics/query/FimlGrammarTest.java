package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FIML's statement and metric forms (issue 14) as the engine parses them, each mapped onto an
 * existing statement, and their bad input: line, column and a hint.
 */
class FimlGrammarTest {

    private final QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);

    private Ast.Statement one(String text) {
        List<Ast.Statement> statements = engine.parse(text);
        assertThat(statements).hasSize(1);
        return statements.getFirst();
    }

    @Test
    void test_compareBy_isCompareOn() {
        // The same statement but for where the metrics are written.
        assertThat(shape(one("COMPARE AAPL, MSFT BY PRICE, RSI(14)")))
                .isEqualTo(shape(one("COMPARE AAPL vs MSFT ON PRICE, RSI(14)")))
                .isEqualTo(List.of(List.of("AAPL", "MSFT"), List.of("PRICE", "RSI(14)")));
        assertThat(shape(one("compare aapl, msft, spy by: price")))
                .isEqualTo(shape(one("COMPARE AAPL vs MSFT vs SPY ON: PRICE")));
    }

    private static List<List<String>> shape(Ast.Statement statement) {
        assertThat(statement).isInstanceOf(Ast.Compare.class);
        return List.of(
                statement.symbols(),
                statement.metrics().stream().map(Ast.Metric::text).toList());
    }

    @Test
    void test_correlateWithoutWindow_takes90Days() {
        assertThat(one("CORRELATE TSLA WITH BTC-USD, SPY"))
                .isEqualTo(one("CORRELATE TSLA WITH BTC-USD, SPY WINDOW 90d"));
        assertThat(((Ast.Correlate) one("CORRELATE AAPL, MSFT")).span()).isEqualTo(new Ast.Span(90, 'd'));
        assertThat(((Ast.Correlate) one("CORRELATE TSLA WITH SPY FROM 2024-01-01 TO 2024-06-30")).span())
                .isNull();
    }

    @Test
    void test_macroArrows_andItsFourAnalyses() {
        Ast.Macro unicode = (Ast.Macro) one("MACRO: US10Y, CPI, VIX \u2192 CAUSALITY ON SPY");
        Ast.Macro ascii = (Ast.Macro) one("MACRO: US10Y, CPI, VIX -> CAUSALITY ON SPY");
        assertThat(unicode).isEqualTo(ascii);
        assertThat(unicode.analysis()).isEqualTo(Ast.MacroAnalysis.CAUSALITY);
        assertThat(((Ast.Macro) one("MACRO US10Y -> IMPACT ON QQQ OVER 3y")).analysis())
                .isEqualTo(Ast.MacroAnalysis.IMPACT);
        assertThat(((Ast.Macro) one("MACRO US10Y→CORRELATION ON QQQ")).analysis())
                .isEqualTo(Ast.MacroAnalysis.CORRELATION);
        assertThat(((Ast.Macro) one("MACRO US10Y -> REGRESSION ON QQQ")).analysis())
                .isEqualTo(Ast.MacroAnalysis.REGRESSION);
        assertThat(((Ast.Macro) one("MACRO US10Y")).analysis()).isEqualTo(Ast.MacroAnalysis.LATEST);
    }

    @Test
    void test_metricSyntax_sma20_isSma_20_andDefaultsNeedNoArguments() {
        Ast.Evaluate evaluate = (Ast.Evaluate) one("EVALUATE AAPL: SMA 20, SMA(20), RSI, VOLUME(7d), MOMENTUM 14d");
        assertThat(evaluate.metrics())
                .extracting(Ast.Metric::text)
                .containsExactly("SMA(20)", "SMA(20)", "RSI", "VOLUME(7D)", "MOMENTUM(14D)");
        assertThat(evaluate.metrics().get(0).arguments())
                .isEqualTo(evaluate.metrics().get(1).arguments());
        Ast.Find find = (Ast.Find) one("FIND AAPL WITH PRICE > SMA 50 AND RSI >= 30 AND RSI <= 70 AND VOLUME != 0");
        assertThat(find.metrics()).extracting(Ast.Metric::text).containsExactly("PRICE", "SMA(50)", "RSI", "VOLUME");
    }

    @Test
    void test_analyze_expandsItsBundle_ofTheNamesTheRegistryHas() {
        Ast.Analyze analyze = (Ast.Analyze) one("ANALYZE AAPL FOR technicals");
        assertThat(analyze.topic()).isEqualTo("TECHNICALS");
        assertThat(analyze.metrics())
                .extracting(Ast.Metric::text)
                .containsExactlyElementsOf(Bundles.TOPICS.get("TECHNICALS"));
        for (String topic : Bundles.TOPICS.keySet()) {
            Ast.Analyze each = (Ast.Analyze) one("ANALYZE SPY FOR " + topic);
            assertThat(each.metrics())
                    .extracting(Ast.Metric::text)
                    .containsExactlyElementsOf(Bundles.available(topic, Metrics.ALL.keySet()));
        }
        assertThat(((Ast.Analyze) one("ANALYSE AAPL FOR RISK")).topic()).isEqualTo("RISK");
    }

    /** docs/DSL.md lists each topic's bundle exactly as Bundles defines it. */
    @Test
    void test_theDocumentListsEveryBundle() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/DSL.md"));
        for (var topic : Bundles.TOPICS.entrySet()) {
            String listed = "- `" + topic.getKey() + "`: `" + String.join("`, `", topic.getValue()) + "`";
            assertThat(doc).as("docs/DSL.md lists " + topic.getKey()).contains(listed);
        }
    }

    @Test
    void test_get_itsItemsAndIntervals() {
        Ast.Get ohlcv = (Ast.Get) one("GET OHLCV FOR AAPL 1wk");
        assertThat(ohlcv.item()).isEqualTo(Ast.GetItem.OHLCV);
        assertThat(ohlcv.interval()).isEqualTo("1wk");
        assertThat(((Ast.Get) one("GET OHLCV FOR AAPL 1w")).interval()).isEqualTo("1wk");
        assertThat(((Ast.Get) one("GET OHLCV FOR AAPL 1mo")).interval()).isEqualTo("1mo");
        assertThat(((Ast.Get) one("GET OHLCV FOR AAPL")).interval()).isEqualTo("1d");
        assertThat(((Ast.Get) one("GET PRICE FOR BTC-USD AS OF 2024-03-28"))
                        .when()
                        .asOf())
                .hasToString("2024-03-28");
        assertThat(((Ast.Get) one("GET NEWS FOR MSFT")).item()).isEqualTo(Ast.GetItem.NEWS);
    }

    @Test
    void test_misspeltMetric_pointsAtItWithTheNearestName() {
        assertThatThrownBy(() -> engine.parse("FIND AAPL WITH\n  MOMNTUM(14d) > 0"))
                .isInstanceOfSatisfying(DslSyntaxError.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                })
                .hasMessage("Line 2, column 3: unknown metric 'MOMNTUM'; did you mean MOMENTUM?");
    }

    @Test
    void test_unknownTopic_listsTheTopics() {
        assertThatThrownBy(() -> engine.parse("ANALYZE AAPL FOR TECHNICAL"))
                .isInstanceOfSatisfying(DslSyntaxError.class, e -> {
                    assertThat(e.column()).isEqualTo(18);
                    assertThat(e.expected()).isEqualTo("TECHNICALS | FUNDAMENTALS | SENTIMENT | CORRELATIONS | RISK");
                })
                .hasMessageContaining("unknown topic 'TECHNICAL'; did you mean TECHNICALS?")
                .hasMessageContaining("Expected TECHNICALS | FUNDAMENTALS | SENTIMENT | CORRELATIONS | RISK.");
        assertThatThrownBy(() -> engine.parse("ANALYZE AAPL TECHNICALS"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(14))
                .hasMessageContaining("expected FOR and a topic");
    }

    @Test
    void test_unknownMacroAnalysis_listsTheFour() {
        assertThatThrownBy(() -> engine.parse("MACRO: US10Y, CPI \u2192 FOO ON SPY"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(21))
                .hasMessageContaining("Expected REGRESSION | CORRELATION | IMPACT | CAUSALITY.");
        assertThatThrownBy(() -> engine.parse("MACRO: US10Y -> CASUALITY ON SPY"))
                .hasMessageContaining("did you mean CAUSALITY?");
    }

    @Test
    void test_getErrors_itemInterval() {
        assertThatThrownBy(() -> engine.parse("GET QUOTE FOR AAPL"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(5))
                .hasMessageContaining("unknown item 'QUOTE'")
                .hasMessageContaining("PRICE | OHLCV | NEWS | FUNDAMENTALS");
        assertThatThrownBy(() -> engine.parse("GET OHLCV FOR AAPL 1h"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(20))
                .hasMessageContaining("intraday 1h bars are at GET /api/v1/bars");
        assertThatThrownBy(() -> engine.parse("GET OHLCV FOR AAPL 3x"))
                .hasMessageContaining("'3x' is not an interval; write 1d, 1wk or 1mo.");
        assertThatThrownBy(() -> engine.parse("GET NEWS FOR AAPL 1d"))
                .hasMessageContaining("an interval belongs to GET PRICE or GET OHLCV");
        assertThatThrownBy(() -> engine.parse("GET PRICE AAPL"))
                .hasMessageContaining("expected FOR and a symbol, e.g. GET PRICE FOR AAPL");
    }

    @Test
    void test_unknownStatement_hintsTheNearestKeyword() {
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: PRICE;\nANALIZE AAPL FOR RISK"))
                .isInstanceOfSatisfying(DslSyntaxError.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(1);
                })
                .hasMessageContaining("unknown statement 'ANALIZE'; did you mean ANALYZE?");
        assertThatThrownBy(() -> engine.parse("FIND AAPL RSI < 30"))
                .hasMessageContaining("expected WITH and conditions");
    }

    @Test
    void test_badArguments_ofTheNewMetrics_areInvalidWithTheirPlace() {
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: MOMENTUM(SPY)"))
                .isInstanceOfSatisfying(
                        QueryInvalid.class, e -> assertThat(e.column()).isEqualTo(16))
                .hasMessageContaining("must be a number of bars such as 14 or a span such as 14d");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: MOMENTUM(0)"))
                .hasMessageContaining("periods are whole numbers from 1 to 1000");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: VOLUME(11y)"))
                .hasMessageContaining("spans run from 1d to 10y");
        assertThatThrownBy(() -> engine.parse("EVALUATE AAPL: PRICE 5"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("PRICE takes no arguments");
        assertThatThrownBy(() -> engine.parse("FIND " + "A, ".repeat(3) + "B WITH PRICE > 1"))
                .isInstanceOf(DslSyntaxError.class);
    }

    @Test
    void test_limits_applyToTheNewForms() {
        QueryEngine tight = new QueryEngine(new QueryLimits(10, 2, 10, 10, 10, 1000, java.time.Duration.ofSeconds(5)));
        assertThatThrownBy(() -> tight.parse("ANALYZE AAPL FOR CORRELATIONS"))
                .isInstanceOf(QueryInvalid.class)
                .hasMessageContaining("at most 2 symbols");
        assertThatThrownBy(() -> tight.parse("FIND AAPL WITH CORRELATE(SPY) > 0 AND CORRELATE(QQQ) > 0"))
                .hasMessageContaining("at most 2 symbols");
        assertThatThrownBy(() -> engine.parse("MACRO: US10Y -> CAUSALITY ON SPY OVER 11y"))
                .hasMessageContaining("Spans run from 1d to 10y");
    }
}
