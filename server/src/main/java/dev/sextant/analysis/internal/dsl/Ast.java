package dev.sextant.analysis.internal.dsl;

import java.util.List;

/** FK-DSL's syntax tree: statements over symbols, each asking for metrics. */
public final class Ast {

    private Ast() {}

    /** A statement of a query. */
    public sealed interface Statement permits Evaluate, Compare {
        List<String> symbols();

        List<Metric> metrics();
    }

    /** {@code EVALUATE AAPL: PRICE, RSI(14)}: one row for one symbol. */
    public record Evaluate(String symbol, List<Metric> metrics) implements Statement {
        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }
    }

    /** {@code COMPARE A vs B ON: ...}: one row per symbol. */
    public record Compare(List<String> symbols, List<Metric> metrics) implements Statement {}

    /** A metric call, e.g. {@code RSI(14)} or {@code CORRELATE(SPY, 1y)}, with its text as written. */
    public record Metric(String name, List<Argument> arguments, String text) {}

    /** An argument: a number, a duration (days, weeks, months or years) or a symbol. */
    public sealed interface Argument permits Number, Span, Symbol {}

    public record Number(double value) implements Argument {}

    /** A calendar span, e.g. 30d, 12w, 6m, 1y. */
    public record Span(int amount, char unit) implements Argument {}

    public record Symbol(String symbol) implements Argument {}
}
