package dev.sextant.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser on generated input (jqwik): sequences of FK-DSL's own words and symbols, which get
 * much deeper into the grammar than random characters, and arbitrary text. Whatever comes, it
 * answers statements or throws its syntax error (the engine's check adds {@link QueryInvalid});
 * never anything else, and never slowly.
 */
class ParserPropertiesTest {

    private static final List<String> WORDS = List.of(
            "EVALUATE",
            "COMPARE",
            "SCAN",
            "CORRELATE",
            "REGRESS",
            "MACRO",
            "FIND",
            "ANALYZE",
            "FOR",
            "TECHNICALS",
            "RISK",
            "GET",
            "OHLCV",
            "NEWS",
            "BY",
            "IMPACT",
            "CAUSALITY",
            "CORRELATION",
            "\u2192",
            "1wk",
            "MOMENTUM(14d)",
            "VOLUME(7d)",
            "WHERE",
            "ORDER",
            "BY",
            "LIMIT",
            "AND",
            "OR",
            "ON",
            "ON:",
            "VS",
            "WITH",
            "WINDOW",
            "OVER",
            "BETWEEN",
            "ABOVE",
            "BELOW",
            "TREND",
            "SIGNAL",
            "IS",
            "BULLISH",
            "HOLD",
            "DESC",
            "->",
            "REGRESSION",
            "universe:demo",
            "AAPL",
            "BTC-USD",
            "^GSPC",
            "SPY",
            ":",
            ",",
            ";",
            "(",
            ")",
            "<",
            ">=",
            "!=",
            "=",
            "*",
            "/",
            "+",
            "%",
            "5%",
            "30",
            "2.5",
            "1y",
            "90d",
            "RSI(14)",
            "PRICE",
            "SMA",
            "MACD(12,26,9)",
            "CORRELATE(SPY, 1y)",
            "VOLUME",
            "AVG_VOLUME(30d)",
            "RSX",
            "\n");

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(WORDS).list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
    }

    @Property(tries = 3_000)
    void tokenSequences_parseOrFailWithASyntaxError(@ForAll("tokenSoup") String query) {
        assertParsesOrRefuses(query);
    }

    @Property(tries = 2_000)
    void arbitraryText_parsesOrFailsWithASyntaxError(@ForAll String query) {
        assertParsesOrRefuses(query);
    }

    /**
     * A syntax error points at a place of the text (a character, or just past the end of its line)
     * and its message starts by naming it: never the parser's catch-all for its own failures.
     */
    static void assertLocatedInside(String query, DslSyntaxError error) {
        String[] lines = query.split("\n", -1);
        assertThat(error.line())
                .as("line of %s in %s", error.getMessage(), query)
                .isBetween(1, lines.length);
        assertThat(error.column())
                .as("column of %s in %s", error.getMessage(), query)
                .isBetween(1, lines[error.line() - 1].length() + 1);
        assertThat(error.getMessage())
                .as(query)
                .startsWith("Line " + error.line() + ", column " + error.column() + ": ");
    }

    private static void assertParsesOrRefuses(String query) {
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);
        long started = System.nanoTime();
        try {
            assertThat(engine.parse(query)).isNotEmpty();
        } catch (DslSyntaxError expected) {
            assertLocatedInside(query, expected);
        } catch (QueryInvalid expected) {
            if (expected.line() > 0) {
                assertThat(expected.getMessage())
                        .startsWith("Line " + expected.line() + ", column " + expected.column() + ": ");
            }
            assertThat(expected.getMessage()).isNotBlank();
        }
        assertThat(System.nanoTime() - started).as("parse time").isLessThan(1_000_000_000L);
    }
}
