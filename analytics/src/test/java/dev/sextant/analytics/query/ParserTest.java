package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static final Set<String> FUNCTIONS = Set.of(
            "PRICE",
            "CHANGE",
            "PRICE_CHANGE",
            "VOLATILITY",
            "RSI",
            "MACD",
            "SMA",
            "CORRELATE",
            "SHARPE",
            "MAX_DRAWDOWN",
            "VOLUME",
            "AVG_VOLUME",
            "MOMENTUM");

    private static List<Ast.Statement> parse(String text) {
        return Parser.parse(text, FUNCTIONS, name -> name.startsWith("RS") ? Optional.of("RSI") : Optional.empty());
    }

    @Test
    void test_evaluate_withEveryKindOfArgument() {
        List<Ast.Statement> statements = parse(
                "EVALUATE AAPL: PRICE, CHANGE(1d), VOLATILITY(30d), RSI(14), MACD(12,26,9), SMA(50), CORRELATE(SPY, 1y)");

        Ast.Evaluate evaluate = (Ast.Evaluate) statements.getFirst();
        assertThat(evaluate.symbol()).isEqualTo("AAPL");
        assertThat(evaluate.metrics())
                .extracting(Ast.Metric::text)
                .containsExactly(
                        "PRICE",
                        "CHANGE(1D)",
                        "VOLATILITY(30D)",
                        "RSI(14)",
                        "MACD(12,26,9)",
                        "SMA(50)",
                        "CORRELATE(SPY,1Y)");
        assertThat(evaluate.metrics().get(6).arguments()).containsExactly(new Ast.Symbol("SPY"), new Ast.Span(1, 'y'));
        assertThat(evaluate.metrics().get(3).arguments()).containsExactly(new Ast.Number(14));
    }

    @Test
    void test_compare_inBothForms_andSeveralStatements() {
        List<Ast.Statement> statements = parse("""
                compare BTC-USD vs ETH-USD vs SOL-USD ON VOLATILITY(90d), SHARPE(1y), MAX_DRAWDOWN(1y);
                COMPARE ^GSPC vs QQQ ON: PRICE;
                """);

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).symbols()).containsExactly("BTC-USD", "ETH-USD", "SOL-USD");
        assertThat(statements.get(1).symbols()).containsExactly("^GSPC", "QQQ");
        assertThat(statements.get(1).metrics()).extracting(Ast.Metric::name).containsExactly("PRICE");
    }

    @Test
    void test_scan_withConditionsOrderAndLimit() {
        Ast.Scan scan = (Ast.Scan) parse("SCAN universe:demo WHERE RSI(14) < 30 AND VOLUME > AVG_VOLUME(30d) * 2 "
                        + "AND PRICE_CHANGE(1d) > 5% ORDER BY RSI(14) LIMIT 20")
                .getFirst();

        assertThat(scan.universe()).isEqualTo("demo");
        assertThat(scan.limit()).isEqualTo(20);
        assertThat(scan.descending()).isFalse();
        assertThat(scan.metrics())
                .extracting(Ast.Metric::text)
                .containsExactly("RSI(14)", "VOLUME", "AVG_VOLUME(30D)", "PRICE_CHANGE(1D)");
        Ast.And top = (Ast.And) scan.where();
        assertThat(top.right())
                .isEqualTo(new Ast.Comparison(
                        new Ast.MetricValue(new Ast.Metric(
                                "PRICE_CHANGE", List.of(new Ast.Span(1, 'd')), null, "PRICE_CHANGE(1D)", 1, 76)),
                        ">",
                        new Ast.Literal(0.05)));

        Ast.Scan other = (Ast.Scan)
                parse("SCAN watchlist:tech WHERE (RSI(14) BETWEEN 30 AND 70 OR PRICE >= 100) ORDER BY SHARPE(1y) DESC")
                        .getFirst();
        assertThat(other.universe()).isEqualTo("watchlist:tech");
        assertThat(other.descending()).isTrue();
        assertThat(other.where()).isInstanceOf(Ast.Or.class);
        assertThat(((Ast.Or) other.where()).left()).isInstanceOf(Ast.Between.class);
    }

    @Test
    void test_trendSignalAboveBelow() {
        Ast.Scan scan =
                (Ast.Scan) parse("SCAN universe:demo WHERE TREND IS bullish AND PRICE ABOVE SMA(50) AND SIGNAL IS HOLD")
                        .getFirst();

        assertThat(scan.metrics())
                .extracting(Ast.Metric::text)
                .containsExactly("PRICE", "SMA(50)", "SMA(200)", "RSI(14)", "MACD_HIST");
        Ast.And outer = (Ast.And) scan.where();
        assertThat(outer.right()).isEqualTo(Ast.State.signal("HOLD"));
        assertThat(((Ast.And) outer.left()).right())
                .isInstanceOfSatisfying(
                        Ast.Comparison.class, c -> assertThat(c.op()).isEqualTo(">"));
        assertThatThrownBy(() -> parse("SCAN demo WHERE TREND IS UP"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.expected()).isEqualTo("BULLISH, BEARISH or NEUTRAL"));
    }

    @Test
    void test_correlateAndRegress_inTheirForms() {
        List<Ast.Statement> statements = parse(
                "CORRELATE AAPL, MSFT, NVDA, SPY OVER 1y; CORRELATE TSLA WITH BTC-USD, SPY WINDOW 90d; REGRESS AAPL ON SPY, QQQ OVER 2y");

        assertThat(statements.get(0))
                .isEqualTo(new Ast.Correlate(
                        List.of("AAPL", "MSFT", "NVDA", "SPY"),
                        List.of("AAPL", "MSFT", "NVDA", "SPY"),
                        new Ast.Span(1, 'y')));
        assertThat(statements.get(1))
                .isEqualTo(new Ast.Correlate(List.of("TSLA"), List.of("BTC-USD", "SPY"), new Ast.Span(90, 'd')));
        assertThat(statements.get(2)).isEqualTo(new Ast.Regress("AAPL", List.of("SPY", "QQQ"), new Ast.Span(2, 'y')));
        assertThatThrownBy(() -> parse("CORRELATE AAPL OVER 1y"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.expected()).contains("two symbols"));
        assertThatThrownBy(() -> parse("REGRESS AAPL ON SPY OVER soon"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.expected()).contains("span"));
    }

    @Test
    void test_macro_inItsForms() {
        Ast.Macro latest = (Ast.Macro) parse("MACRO: US10Y, CPI, VIX").getFirst();
        Ast.Macro regression =
                (Ast.Macro) parse("MACRO: US10Y, CPI, VIX -> REGRESSION ON SPY").getFirst();
        Ast.Macro tight = (Ast.Macro)
                parse("macro US10Y,VIX->regression on BTC-USD over 3y").getFirst();

        assertThat(latest).isEqualTo(new Ast.Macro(List.of("US10Y", "CPI", "VIX"), null, null));
        assertThat(regression).isEqualTo(new Ast.Macro(List.of("US10Y", "CPI", "VIX"), "SPY", null));
        assertThat(tight).isEqualTo(new Ast.Macro(List.of("US10Y", "VIX"), "BTC-USD", new Ast.Span(3, 'y')));
        assertThat(regression.symbols()).containsExactly("US10Y", "CPI", "VIX", "SPY");
        assertThatThrownBy(() -> parse("MACRO: US10Y -> CORRELATE WITH SPY"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class,
                        e -> assertThat(e.expected()).isEqualTo("ON and a symbol, e.g. CORRELATION ON SPY"));
        assertThatThrownBy(() -> parse("MACRO: US10Y -> FOO ON SPY"))
                .isInstanceOfSatisfying(DslSyntaxError.class, e -> {
                    assertThat(e.column()).isEqualTo(17);
                    assertThat(e.expected()).isEqualTo("REGRESSION | CORRELATION | IMPACT | CAUSALITY");
                })
                .hasMessageContaining("unknown analysis after '->' 'FOO'");
        assertThatThrownBy(() -> parse("MACRO: US10Y -> REGRESSION SPY"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(28));
    }

    @Test
    void test_errors_nameLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("EVALUATE AAPL PRICE")).isInstanceOfSatisfying(DslSyntaxError.class, e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(15);
            assertThat(e.expected()).isEqualTo("':' after the symbol");
            assertThat(e.getMessage()).contains("found 'PRICE'");
        });
        assertThatThrownBy(() -> parse("EVALUATE AAPL:\n  PRICE,\n  RSX(14)"))
                .isInstanceOfSatisfying(DslSyntaxError.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("unknown metric 'RSX'", "did you mean RSI?");
                });
        assertThatThrownBy(() -> parse("COMPARE AAPL ON PRICE"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.expected()).isEqualTo("'vs' and another symbol"));
        assertThatThrownBy(() -> parse("EVALUATE AAPL: RSI(14"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.getMessage()).contains("found the end of the query"));
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(DslSyntaxError.class)
                .hasMessageStartingWith("Line 1, column 1: expected ")
                .hasMessageContaining("found the end of the query");
        assertThatThrownBy(() -> parse("EVALUATE AAPL: PRICE $"))
                .isInstanceOfSatisfying(
                        DslSyntaxError.class, e -> assertThat(e.column()).isEqualTo(22))
                .hasMessage("Line 1, column 22: unexpected character '$'.");
    }

    /** Bounded fuzzing: random mutations of valid queries and random text only ever fail as syntax errors. */
    @Test
    void test_fuzz_onlySyntaxErrors_neverAnythingElse() {
        String[] seeds = {
            "EVALUATE AAPL: PRICE, CHANGE(1d), RSI(14), MACD(12,26,9), CORRELATE(SPY, 1y)",
            "COMPARE BTC-USD vs ETH-USD ON: VOLATILITY(90d), SHARPE(1y); EVALUATE ^GSPC: SMA(50)",
            "SCAN universe:demo WHERE RSI(14) < 30 AND VOLUME > AVG_VOLUME(30d) * 2 OR PRICE BETWEEN 1 AND 5% ORDER BY RSI(14) DESC LIMIT 20",
            "CORRELATE AAPL, MSFT OVER 1y; CORRELATE TSLA WITH BTC-USD WINDOW 90d; REGRESS AAPL ON SPY, QQQ OVER 2y",
            // FIML's forms (issue 14)
            "COMPARE AAPL, MSFT BY PRICE, SMA 20, VOLUME(7d); CORRELATE TSLA WITH BTC-USD, SPY",
            "MACRO: US10Y, CPI, VIX \u2192 CAUSALITY ON SPY OVER 5y; MACRO US10Y -> IMPACT ON QQQ",
            "FIND AAPL WITH RSI >= 30 AND MOMENTUM(14d) != 0 OR PRICE = SMA 50; ANALYZE BTC-USD FOR TECHNICALS",
            "GET OHLCV FOR AAPL 1wk FROM 2024-01-01 TO 2024-06-30; GET NEWS FOR MSFT AS OF 2024-03-28; GET PRICE FOR SPY"
        };
        String alphabet = "EVALUATECOMPARSCNWHEROvsonFIKGTBY:;,()0123456789dwmyk .-^<>=!*/+%\n\t$\"'{}[]\u2192";
        SplittableRandom random = new SplittableRandom(20261123L);
        long deadline = System.nanoTime() + 3_000_000_000L;
        int runs = 0;
        while (runs < 20_000 && System.nanoTime() < deadline) {
            StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            int edits = random.nextInt(1, 6);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            if (random.nextInt(10) == 0) {
                text.setLength(0);
                for (int i = random.nextInt(60); i > 0; i--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                assertThat(parse(text.toString())).isNotEmpty();
            } catch (DslSyntaxError expected) {
                ParserPropertiesTest.assertLocatedInside(text.toString(), expected);
            }
            runs++;
        }
        assertThat(runs).isGreaterThan(1_000);
    }

    @Test
    void test_deepNesting_isASyntaxErrorAtTheTokenThatGoesTooDeep_notAStackOverflow() {
        String prefix = "SCAN universe:demo WHERE ";
        String parentheses = prefix + "(".repeat(2_000) + "PRICE > 1" + ")".repeat(2_000);
        String chain = prefix + "1" + "+1".repeat(4_999) + " > 0";

        assertThatThrownBy(() -> parse(parentheses)).isInstanceOfSatisfying(DslSyntaxError.class, error -> {
            assertThat(error.line()).isEqualTo(1);
            // The 101st parenthesis is the first too deep.
            assertThat(error.column()).isEqualTo(prefix.length() + 101);
            assertThat(error.getMessage()).contains("deeper than 100 levels");
        });
        assertThatThrownBy(() -> parse(chain)).isInstanceOfSatisfying(DslSyntaxError.class, error -> {
            assertThat(error.line()).isEqualTo(1);
            // "1+1+...": the k-th '+' is at column prefix + 2k, and the 101st makes level 101.
            assertThat(error.column()).isEqualTo(prefix.length() + 2 * 101);
            assertThat(error.getMessage()).hasSizeLessThan(200);
        });
        assertThatThrownBy(() -> parse(prefix + "PRICE > 1" + " AND PRICE > 1".repeat(5_000)))
                .isInstanceOfSatisfying(DslSyntaxError.class, error -> {
                    // A comparison is level 1 and the k-th AND level k + 1: the 100th AND is too deep.
                    // The k-th AND starts at column prefix + "PRICE > 1".length() + 2 + 14 (k - 1).
                    assertThat(error.column()).isEqualTo(prefix.length() + 9 + 2 + 14 * 99);
                    assertThat(error.getMessage()).contains("deeper than 100 levels");
                });
    }

    @Test
    void test_nestingUpToTheLimit_parses_andTheLimitIsASetting() {
        String prefix = "SCAN universe:demo WHERE ";
        // 99 parentheses around one comparison: 100 levels.
        String deepest = prefix + "(".repeat(99) + "PRICE > 1" + ")".repeat(99);
        String longest = prefix + "1" + "+1".repeat(98) + " > 0";

        assertThat(parse(deepest)).hasSize(1);
        assertThat(parse(longest)).hasSize(1);
        assertThatThrownBy(() -> parse(prefix + "(".repeat(100) + "PRICE > 1" + ")".repeat(100)))
                .isInstanceOfSatisfying(
                        // 101 levels: as below, the outermost parenthesis is the one too deep.
                        DslSyntaxError.class,
                        error -> assertThat(error.column()).isEqualTo(prefix.length() + 1));
        assertThatThrownBy(() -> Parser.parse(prefix + "((PRICE > 1))", FUNCTIONS, name -> Optional.empty(), 2))
                .isInstanceOfSatisfying(
                        // Two parentheses over a comparison are three levels: the outer one is too deep.
                        DslSyntaxError.class,
                        error -> assertThat(error.column()).isEqualTo(prefix.length() + 1));
        assertThat(Parser.parse(prefix + "1 + 1 > 0", FUNCTIONS, name -> Optional.empty(), 2))
                .hasSize(1);
    }
}
