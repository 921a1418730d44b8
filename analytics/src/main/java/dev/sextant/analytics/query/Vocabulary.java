package dev.sextant.analytics.query;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.series.BarInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every name an FK-DSL statement can use, from the one registry ({@link Metrics}, {@link Bundles}
 * and the parser's words), so that HTTP ({@code GET /api/v1/query/vocabulary}), the tool catalog
 * and the web app's autocomplete list the same things the parser accepts.
 *
 * @param statements each statement form, as written, with an example
 * @param metrics every metric with its parameters, defaults, outputs and unit
 * @param topics ANALYZE's topics and the metrics each answers (those the registry has)
 * @param macroAnalyses what MACRO answers after {@code ->} (or {@code →})
 * @param getItems what GET answers
 * @param intervals GET's bar intervals
 * @param comparisons the comparison operators of a condition
 * @param states TREND and SIGNAL tests
 * @param universeForms how a SCAN names its universe (GET /api/v1/universes lists the universes)
 * @param spanUnits the units of a span ({@code 30d}, {@code 12w}, {@code 6m}, {@code 1y})
 * @param universes the universes a SCAN can name, for one caller ({@link #withUniverses}); empty here
 */
public record Vocabulary(
        List<StatementForm> statements,
        List<MetricEntry> metrics,
        Map<String, List<String>> topics,
        List<String> macroAnalyses,
        List<String> getItems,
        List<String> intervals,
        List<String> comparisons,
        List<String> states,
        List<String> universeForms,
        List<String> spanUnits,
        List<String> universes) {

    /** The same vocabulary with a caller's universes. */
    public Vocabulary withUniverses(List<String> names) {
        return new Vocabulary(
                statements,
                metrics,
                topics,
                macroAnalyses,
                getItems,
                intervals,
                comparisons,
                states,
                universeForms,
                spanUnits,
                List.copyOf(names));
    }

    /** A statement: its keyword, its form (docs/DSL.md's grammar) and an example. */
    public record StatementForm(String keyword, String form, String example) {}

    /**
     * A parameter of a metric.
     *
     * @param kind {@code number}, {@code span}, {@code symbol} or {@code bars or span}
     * @param defaultValue as written in a query ({@code 14}, {@code 1y}, {@code SPY}); null when required
     * @param min an indicator's bound; null for the other metrics
     */
    public record Parameter(
            String name,
            String kind,
            @Nullable String defaultValue,
            @Nullable Double min,
            @Nullable Double max) {}

    /**
     * @param defaultOutput the output meant when none is written; null for a metric without outputs
     */
    public record MetricEntry(
            String name,
            List<Parameter> parameters,
            List<String> outputs,
            @Nullable String defaultOutput,
            String unit,
            String example) {}

    /** The vocabulary of this build's registry. */
    public static Vocabulary current() {
        List<MetricEntry> metrics = new ArrayList<>();
        Metrics.ALL.forEach((name, definition) -> metrics.add(entry(name, definition)));
        Map<String, List<String>> topics = new java.util.LinkedHashMap<>();
        Bundles.TOPICS.keySet().forEach(topic -> topics.put(topic, Bundles.available(topic, Metrics.ALL.keySet())));
        List<String> intervals = Arrays.stream(BarInterval.values())
                .filter(interval -> !interval.isIntraday())
                .map(BarInterval::code)
                .toList();
        return new Vocabulary(
                STATEMENTS,
                List.copyOf(metrics),
                java.util.Collections.unmodifiableMap(topics),
                Arrays.stream(Ast.MacroAnalysis.values())
                        .filter(a -> a != Ast.MacroAnalysis.LATEST)
                        .map(Enum::name)
                        .toList(),
                Arrays.stream(Ast.GetItem.values()).map(Enum::name).toList(),
                intervals,
                List.of("<", "<=", ">", ">=", "=", "!=", "ABOVE", "BELOW", "BETWEEN ... AND ..."),
                List.of(
                        "TREND IS BULLISH",
                        "TREND IS BEARISH",
                        "TREND IS NEUTRAL",
                        "SIGNAL IS BUY",
                        "SIGNAL IS SELL",
                        "SIGNAL IS HOLD"),
                List.of("universe:NAME", "NAME", "watchlist:NAME"),
                List.of("d", "w", "m", "y"),
                List.of());
    }

    private static final List<StatementForm> STATEMENTS = List.of(
            new StatementForm(
                    "EVALUATE", "EVALUATE symbol: metric, ...", "EVALUATE AAPL: PRICE, RSI, SMA 50, VOLATILITY(30d)"),
            new StatementForm(
                    "COMPARE",
                    "COMPARE symbol vs symbol [vs symbol] ON[:] metric, ... | COMPARE symbol, symbol BY metric, ...",
                    "COMPARE AAPL, MSFT BY PRICE, RSI(14)"),
            new StatementForm(
                    "SCAN",
                    "SCAN universe [WHERE condition] [ORDER BY metric [ASC|DESC]] [LIMIT n]",
                    "SCAN universe:demo WHERE RSI < 30 AND VOLUME > AVG_VOLUME(30d) * 2 LIMIT 20"),
            new StatementForm(
                    "CORRELATE",
                    "CORRELATE symbol, ... [OVER span] | CORRELATE symbol WITH symbol, ... [WINDOW span]",
                    "CORRELATE TSLA WITH BTC-USD, SPY"),
            new StatementForm("REGRESS", "REGRESS symbol ON symbol, ... OVER span", "REGRESS AAPL ON SPY, QQQ OVER 2y"),
            new StatementForm(
                    "MACRO",
                    "MACRO[:] series, ... [-> REGRESSION | CORRELATION | IMPACT | CAUSALITY ON symbol [OVER span]]",
                    "MACRO: US10Y, CPI, VIX -> CAUSALITY ON SPY"),
            new StatementForm("FIND", "FIND symbol WITH condition", "FIND AAPL WITH RSI < 70 AND PRICE > SMA 50"),
            new StatementForm(
                    "ANALYZE",
                    "ANALYZE symbol FOR " + String.join(" | ", Bundles.TOPICS.keySet()),
                    "ANALYZE AAPL FOR TECHNICALS"),
            new StatementForm(
                    "GET", "GET PRICE | OHLCV | NEWS | FUNDAMENTALS FOR symbol [interval]", "GET OHLCV FOR AAPL 1wk"),
            new StatementForm("TRACK", "TRACK symbol WHEN condition", "TRACK AAPL WHEN PRICE > SMA 50 AND RSI < 30"));

    private static MetricEntry entry(String name, Metrics.Definition definition) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < definition.kinds().size(); i++) {
            Class<? extends Ast.Argument> kind = definition.kinds().get(i);
            Ast.Argument fallback = definition.defaults().get(i);
            IndicatorCatalog.Param param =
                    definition.params() == null ? null : definition.params().get(i);
            parameters.add(new Parameter(
                    param != null ? param.name() : kindName(kind),
                    kindName(kind),
                    written(fallback),
                    param == null ? null : param.min(),
                    param == null ? null : param.max()));
        }
        List<String> outputs = definition.outputs();
        String example = name
                + (parameters.isEmpty()
                        ? ""
                        : "("
                                + String.join(
                                        ",",
                                        parameters.stream()
                                                .map(p -> p.defaultValue() == null ? "SPY" : p.defaultValue())
                                                .toList())
                                + ")");
        return new MetricEntry(
                name,
                List.copyOf(parameters),
                outputs,
                outputs.isEmpty() ? null : definition.defaultOutput(),
                definition.unit(),
                example);
    }

    private static String kindName(Class<? extends Ast.Argument> kind) {
        if (kind == Metrics.BARS_OR_SPAN) {
            return "bars or span";
        }
        return kind == Ast.Span.class ? "span" : kind == Ast.Number.class ? "number" : "symbol";
    }

    private static @Nullable String written(Ast.@Nullable Argument argument) {
        return switch (argument) {
            case null -> null;
            case Ast.Number number ->
                number.value() == Math.rint(number.value())
                        ? String.valueOf((long) number.value())
                        : String.valueOf(number.value());
            case Ast.Span span -> span.amount() + String.valueOf(span.unit());
            case Ast.Symbol symbol -> symbol.symbol();
        };
    }
}
