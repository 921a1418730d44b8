package dev.sextant.analytics.query;

import java.util.List;

/** FK-DSL's syntax tree: statements over symbols, each asking for metrics. */
public final class Ast {

    private Ast() {}

    /** A statement of a query. */
    public sealed interface Statement
            permits Evaluate, Compare, Scan, Correlate, Regress, Macro, Find, Analyze, Get, Track {
        List<String> symbols();

        List<Metric> metrics();

        /** When it is evaluated: {@code AS OF}, {@code FROM ... TO}, or the latest bars. */
        When when();
    }

    /**
     * When a statement is evaluated: {@code AS OF date} (as of that date's close, on the bars up to
     * it), {@code FROM date TO date} (as of TO, and the period is the span of every metric or
     * statement that takes one and names none), or neither (the latest bars, today).
     *
     * @param asOf the evaluation date, null for today
     * @param from the first day of the period, null without one
     * @param line where the evaluation date is written (1-based; 0 when it is not)
     */
    public record When(java.time.LocalDate asOf, java.time.LocalDate from, int line, int column) {
        public static final When LATEST = new When(null, null, 0, 0);

        public static When asOf(java.time.LocalDate date) {
            return new When(date, null, 0, 0);
        }

        public boolean hasPeriod() {
            return from != null;
        }
    }

    /** {@code EVALUATE AAPL: PRICE, RSI(14)}: one row for one symbol. */
    public record Evaluate(String symbol, List<Metric> metrics, When when) implements Statement {
        public Evaluate(String symbol, List<Metric> metrics) {
            this(symbol, metrics, When.LATEST);
        }

        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }
    }

    /** {@code COMPARE A vs B ON: ...}: one row per symbol. */
    public record Compare(List<String> symbols, List<Metric> metrics, When when) implements Statement {
        public Compare(List<String> symbols, List<Metric> metrics) {
            this(symbols, metrics, When.LATEST);
        }
    }

    /**
     * {@code SCAN universe:demo WHERE ... ORDER BY metric [DESC] LIMIT n}: a row per matching symbol.
     *
     * @param where null for every symbol
     * @param orderBy null for the universe's order
     * @param line where the universe is named (1-based), for an unknown one's error; 0 when built
     *     without the parser
     */
    public record Scan(
            String universe,
            Condition where,
            Metric orderBy,
            boolean descending,
            int limit,
            When when,
            int line,
            int column)
            implements Statement {
        public Scan(String universe, Condition where, Metric orderBy, boolean descending, int limit) {
            this(universe, where, orderBy, descending, limit, When.LATEST, 0, 0);
        }

        /** The same scan evaluated {@code when}. */
        Scan at(When when) {
            return new Scan(universe, where, orderBy, descending, limit, when, line, column);
        }

        @Override
        public List<String> symbols() {
            return List.of();
        }

        @Override
        public List<Metric> metrics() {
            List<Metric> metrics = new java.util.ArrayList<>();
            if (where != null) {
                where.collect(metrics);
            }
            if (orderBy != null) {
                new MetricValue(orderBy).collect(metrics);
            }
            return List.copyOf(metrics);
        }
    }

    /**
     * {@code CORRELATE A, B, C OVER 1y} (every pair: rows and columns are all the symbols) or
     * {@code CORRELATE A WITH B, C WINDOW 90d} (one row, A against each of the others).
     *
     * @param span null when the statement's period ({@code FROM ... TO}) gives it
     */
    public record Correlate(List<String> rows, List<String> columns, Span span, When when) implements Statement {
        public Correlate(List<String> rows, List<String> columns, Span span) {
            this(rows, columns, span, When.LATEST);
        }

        @Override
        public List<String> symbols() {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(rows);
            all.addAll(columns);
            return List.copyOf(all);
        }

        @Override
        public List<Metric> metrics() {
            return List.of();
        }
    }

    /**
     * {@code REGRESS A ON B, C OVER 2y}: A's returns on B's and C's, least squares with an intercept.
     *
     * @param span null when the statement's period ({@code FROM ... TO}) gives it
     */
    public record Regress(String dependent, List<String> regressors, Span span, When when) implements Statement {
        public Regress(String dependent, List<String> regressors, Span span) {
            this(dependent, regressors, span, When.LATEST);
        }

        @Override
        public List<String> symbols() {
            java.util.List<String> all = new java.util.ArrayList<>(List.of(dependent));
            all.addAll(regressors);
            return List.copyOf(all);
        }

        @Override
        public List<Metric> metrics() {
            return List.of();
        }
    }

    /** What {@code MACRO} answers: the latest values, or one of the four analyses after {@code ->}. */
    public enum MacroAnalysis {
        /** Each series' latest value and its change over a year. */
        LATEST,
        /** The symbol's monthly returns regressed on the series' monthly changes. */
        REGRESSION,
        /** Each series' monthly changes correlated with the symbol's monthly returns. */
        CORRELATION,
        /** The regression's effect of a one-standard-deviation move of each series on the return. */
        IMPACT,
        /** Granger causality of each series' changes on the symbol's returns. */
        CAUSALITY
    }

    /**
     * {@code MACRO: US10Y, CPI, VIX} (each series' latest value and its change over a year) or
     * {@code MACRO: US10Y, CPI -> REGRESSION | CORRELATION | IMPACT | CAUSALITY ON SPY [OVER 5y]}
     * (the symbol's monthly returns against the series' monthly changes).
     *
     * @param regressOn null for the table of latest values
     * @param span null for the default span
     */
    public record Macro(List<String> series, String regressOn, Span span, When when, MacroAnalysis analysis)
            implements Statement {
        public Macro(List<String> series, String regressOn, Span span, When when) {
            this(series, regressOn, span, when, regressOn == null ? MacroAnalysis.LATEST : MacroAnalysis.REGRESSION);
        }

        public Macro(List<String> series, String regressOn, Span span) {
            this(series, regressOn, span, When.LATEST);
        }

        @Override
        public List<String> symbols() {
            java.util.List<String> all = new java.util.ArrayList<>(series);
            if (regressOn != null) {
                all.add(regressOn);
            }
            return List.copyOf(all);
        }

        @Override
        public List<Metric> metrics() {
            return List.of();
        }
    }

    /**
     * {@code FIND AAPL WITH RSI < 30 AND PRICE > SMA 50}: one row saying whether the symbol meets the
     * condition, with the value of each metric it names.
     */
    public record Find(String symbol, Condition where, When when) implements Statement {
        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }

        @Override
        public List<Metric> metrics() {
            List<Metric> metrics = new java.util.ArrayList<>();
            where.collect(metrics);
            return List.copyOf(metrics);
        }
    }

    /**
     * {@code ANALYZE AAPL FOR TECHNICALS}: one row with the metrics of the topic's bundle
     * ({@link Bundles}), those the registry has.
     *
     * @param topic one of {@link Bundles#TOPICS}
     * @param metrics the bundle's metrics, as parsed from their text
     */
    public record Analyze(String symbol, String topic, List<Metric> metrics, When when) implements Statement {
        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }
    }

    /** What {@code GET ... FOR X} answers. */
    public enum GetItem {
        /** The last bar: date, close, the day's change and volume. */
        PRICE,
        /** The bars, one row each, at an interval of a day or longer. */
        OHLCV,
        /** The articles known by the evaluation date, newest first. */
        NEWS,
        /** The FUNDAMENTALS bundle, as ANALYZE X FOR FUNDAMENTALS. */
        FUNDAMENTALS
    }

    /**
     * {@code GET PRICE | OHLCV | NEWS | FUNDAMENTALS FOR AAPL [1d]}.
     *
     * @param interval the bars' interval code ({@code 1d}, {@code 1wk}, {@code 1mo}) for OHLCV, else {@code 1d}
     * @param metrics the FUNDAMENTALS bundle for FUNDAMENTALS, otherwise none
     */
    public record Get(String symbol, GetItem item, String interval, List<Metric> metrics, When when)
            implements Statement {
        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }
    }

    /**
     * {@code TRACK AAPL WHEN PRICE > 200 AND RSI(14) < 30}: an alert on a symbol's condition (the
     * SCAN condition grammar), evaluated on the live price. The server stores it for its caller; run
     * by the engine alone it answers whether the condition holds now, with each metric's value
     * ({@link QueryEngine#evaluate}).
     *
     * @param conditionText the condition as written, from after {@code WHEN} to the statement's end
     */
    public record Track(String symbol, Condition condition, String conditionText) implements Statement {
        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }

        @Override
        public List<Metric> metrics() {
            List<Metric> metrics = new java.util.ArrayList<>();
            condition.collect(metrics);
            return List.copyOf(metrics);
        }

        /** Always the latest bars and the live price: an alert watches now, not a date. */
        @Override
        public When when() {
            return When.LATEST;
        }

        /** The statement in the canonical form it is stored in: {@code TRACK SYMBOL WHEN condition}. */
        public String text() {
            return "TRACK " + symbol + " WHEN " + conditionText;
        }
    }

    /** A condition of a SCAN. */
    public sealed interface Condition permits And, Or, Comparison, Between, State {
        /** Adds the metrics it uses, each text once, in order of appearance. */
        void collect(List<Metric> metrics);
    }

    public record And(Condition left, Condition right) implements Condition {
        @Override
        public void collect(List<Metric> metrics) {
            left.collect(metrics);
            right.collect(metrics);
        }
    }

    public record Or(Condition left, Condition right) implements Condition {
        @Override
        public void collect(List<Metric> metrics) {
            left.collect(metrics);
            right.collect(metrics);
        }
    }

    /** {@code left op right} with op one of {@code < <= > >= = !=}. */
    public record Comparison(Expression left, String op, Expression right) implements Condition {
        @Override
        public void collect(List<Metric> metrics) {
            left.collect(metrics);
            right.collect(metrics);
        }
    }

    /** {@code value BETWEEN low AND high}, both ends included. */
    public record Between(Expression value, Expression low, Expression high) implements Condition {
        @Override
        public void collect(List<Metric> metrics) {
            value.collect(metrics);
            low.collect(metrics);
            high.collect(metrics);
        }
    }

    /**
     * {@code TREND IS BULLISH|BEARISH|NEUTRAL} or {@code SIGNAL IS BUY|SELL|HOLD} (defined in
     * docs/DSL.md), with the metrics the definition reads.
     */
    public record State(String subject, String state, List<Metric> reads) implements Condition {
        public static final Metric PRICE = new Metric("PRICE", List.of(), "PRICE");
        public static final Metric SMA_50 = new Metric("SMA", List.of(new Number(50)), "SMA(50)");
        public static final Metric SMA_200 = new Metric("SMA", List.of(new Number(200)), "SMA(200)");
        public static final Metric RSI_14 = new Metric("RSI", List.of(new Number(14)), "RSI(14)");
        public static final Metric MACD_HIST = new Metric("MACD_HIST", List.of(), "MACD_HIST");

        static State trend(String state) {
            return new State("TREND", state, List.of(PRICE, SMA_50, SMA_200));
        }

        static State signal(String state) {
            return new State("SIGNAL", state, List.of(RSI_14, MACD_HIST));
        }

        @Override
        public void collect(List<Metric> metrics) {
            for (Metric metric : reads) {
                new MetricValue(metric).collect(metrics);
            }
        }
    }

    /** A value in a condition. */
    public sealed interface Expression permits Literal, MetricValue, Arithmetic {
        void collect(List<Metric> metrics);
    }

    /** A number; {@code 5%} is 0.05 (changes, drawdowns and volatilities are fractions). */
    public record Literal(double value) implements Expression {
        @Override
        public void collect(List<Metric> metrics) {}
    }

    public record MetricValue(Metric metric) implements Expression {
        @Override
        public void collect(List<Metric> metrics) {
            if (metrics.stream().noneMatch(m -> m.text().equals(metric.text()))) {
                metrics.add(metric);
            }
        }
    }

    /** {@code left op right} with op one of {@code * / +}. */
    public record Arithmetic(Expression left, char op, Expression right) implements Expression {
        @Override
        public void collect(List<Metric> metrics) {
            left.collect(metrics);
            right.collect(metrics);
        }
    }

    /**
     * A metric call, e.g. {@code RSI(14)}, {@code CORRELATE(SPY, 1y)} or {@code BBANDS(20,2).upper},
     * with its text as written (name and arguments upper-cased, the output as the catalog spells it)
     * and where it starts, for error messages.
     *
     * @param output the named output of a multi-output indicator, null when none is named
     * @param line 1-based; 0 for a metric not read from text
     */
    public record Metric(String name, List<Argument> arguments, String output, String text, int line, int column) {
        public Metric(String name, List<Argument> arguments, String text) {
            this(name, arguments, null, text, 0, 0);
        }
    }

    /** An argument: a number, a duration (days, weeks, months or years) or a symbol. */
    public sealed interface Argument permits Number, Span, Symbol {}

    public record Number(double value) implements Argument {}

    /** A calendar span, e.g. 30d, 12w, 6m, 1y. */
    public record Span(int amount, char unit) implements Argument {}

    public record Symbol(String symbol) implements Argument {}
}
