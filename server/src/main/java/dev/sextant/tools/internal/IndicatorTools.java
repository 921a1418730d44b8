package dev.sextant.tools.internal;

import static dev.sextant.tools.internal.Schemas.arrayOf;
import static dev.sextant.tools.internal.Schemas.object;
import static dev.sextant.tools.internal.Schemas.properties;
import static dev.sextant.tools.internal.Schemas.typed;

import dev.sextant.analysis.Analysis;
import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator registry and one indicator over a symbol's bars, paged. */
@Configuration(proxyBeanMethods = false)
class IndicatorTools {

    private static final int DEFAULT_LIMIT = 200;

    @Bean
    ToolDefinition listIndicators() {
        Tool tool = new Tool(
                "list_indicators",
                "List indicators",
                "Every technical indicator compute_indicator and run_query know (TA-Lib definitions): its name,"
                        + " what it measures, its parameters (TA-Lib names, default, bounds, whole or not), its"
                        + " outputs, the unit of its values, its lookback (bars before the first value at the"
                        + " defaults) and warm-up (history to give before a value you rely on; null when it depends"
                        + " on every bar since an anchor, as OBV and VWAP do).",
                object(properties()),
                object(
                        properties(
                                "indicators",
                                arrayOf(object(
                                        properties(
                                                "name", typed("string"),
                                                "description", typed("string"),
                                                "params",
                                                        arrayOf(object(
                                                                properties(
                                                                        "name", typed("string"),
                                                                        "default", typed("number"),
                                                                        "min", typed("number"),
                                                                        "max", typed("number"),
                                                                        "integer", typed("boolean")),
                                                                "name",
                                                                "default",
                                                                "min",
                                                                "max",
                                                                "integer")),
                                                "outputs", arrayOf(typed("string")),
                                                "unit", typed("string"),
                                                "lookback", typed("integer"),
                                                "warmUp", typed("integer", "null")),
                                        "name",
                                        "description",
                                        "params",
                                        "outputs",
                                        "unit",
                                        "lookback",
                                        "warmUp"))),
                        "indicators"),
                Tool.Annotations.READ_LOCAL,
                Scope.ANALYSIS);
        return new ToolDefinition(tool, (caller, args) -> {
                    List<Map<String, Object>> indicators = new ArrayList<>();
                    StringBuilder text = new StringBuilder("name(params=defaults)|outputs|unit|lookback|what\n");
                    for (IndicatorCatalog.Definition definition : IndicatorCatalog.ALL.values()) {
                        Map<String, Double> defaults = definition.resolve(Map.of());
                        List<Map<String, Object>> params = new ArrayList<>();
                        List<String> shown = new ArrayList<>();
                        for (IndicatorCatalog.Param param : definition.params()) {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("name", param.name());
                            json.put("default", param.defaultValue());
                            json.put("min", param.min());
                            json.put("max", param.max());
                            json.put("integer", param.integer());
                            params.add(json);
                            shown.add(param.name() + "=" + plain(param.defaultValue()));
                        }
                        List<String> outputs = definition.outputs().isEmpty() ? List.of("value") : definition.outputs();
                        OptionalInt warmUp = definition.warmUp(defaults);
                        Map<String, Object> indicator = new LinkedHashMap<>();
                        indicator.put("name", definition.name());
                        indicator.put("description", definition.description());
                        indicator.put("params", params);
                        indicator.put("outputs", outputs);
                        indicator.put("unit", definition.unit());
                        indicator.put("lookback", definition.lookback(defaults));
                        indicator.put("warmUp", warmUp.isPresent() ? warmUp.getAsInt() : null);
                        indicators.add(indicator);
                        text.append(definition.name())
                                .append('(')
                                .append(String.join(",", shown))
                                .append(")|")
                                .append(String.join(",", outputs))
                                .append('|')
                                .append(definition.unit())
                                .append('|')
                                .append(definition.lookback(defaults))
                                .append('|')
                                .append(definition.description())
                                .append('\n');
                    }
                    return new ToolResult.Success(Map.of("indicators", indicators), text.toString());
                })
                .withExample(Map.of());
    }

    @Bean
    ToolDefinition computeIndicator(Analysis analysis) {
        Tool tool = new Tool(
                "compute_indicator",
                "Compute indicator",
                "One technical indicator (list_indicators names them, with their parameters) over a symbol's bars:"
                        + " rows [time, value] or, for several outputs (MACD, BBANDS, STOCH...), [time, output1,"
                        + " output2...] as 'columns' says, oldest first, in the indicator's 'unit'. Points before the"
                        + " lookback are left out. Range as get_bars (default: the last year of daily bars). Paged:"
                        + " at most 'limit' rows, 'total', and 'nextCursor' for the next page. For the latest value of"
                        + " several indicators or symbols at once, run_query (EVALUATE) answers in one call.",
                object(
                        properties(
                                "symbol",
                                Schemas.symbol("A symbol, e.g. AAPL"),
                                "name",
                                Schemas.oneOf(List.copyOf(IndicatorCatalog.ALL.keySet()), "The indicator, e.g. RSI"),
                                "params",
                                Schemas.mapOf(
                                        typed("number"),
                                        "Parameters by their TA-Lib names, e.g. {\"period\": 14}; defaults"
                                                + " otherwise"),
                                "interval",
                                Schemas.oneOf(BarTools.INTERVALS, "1d", "Bar length"),
                                "from",
                                Schemas.date("First day shown"),
                                "to",
                                Schemas.date("Last day shown; default the symbol's last bar"),
                                Paging.LIMIT,
                                Paging.limitSchema(DEFAULT_LIMIT, "points"),
                                Paging.CURSOR,
                                Paging.cursorSchema()),
                        "symbol",
                        "name"),
                object(
                        properties(
                                "symbol", typed("string"),
                                "name", typed("string"),
                                "params", Schemas.mapOf(typed("number"), "The parameters used, defaults included"),
                                "unit", typed("string"),
                                "interval", typed("string"),
                                "from", typed("string"),
                                "to", typed("string"),
                                "columns", arrayOf(typed("string")),
                                "points", arrayOf(arrayOf(Schemas.typed("string", "number", "null"))),
                                "total", typed("integer"),
                                "offset", typed("integer"),
                                "nextCursor", typed("string", "null"),
                                "note", typed("string", "null"),
                                "provenance", Provenance.SCHEMA),
                        "symbol",
                        "name",
                        "params",
                        "unit",
                        "interval",
                        "from",
                        "to",
                        "columns",
                        "points",
                        "total",
                        "offset",
                        "nextCursor",
                        "note",
                        "provenance"),
                Tool.Annotations.READ_OPEN_WORLD,
                Scope.ANALYSIS);
        return new ToolDefinition(tool, (caller, args) -> {
                    String symbol = Symbols.canonical(args.text("symbol"), "symbol");
                    Paging.Page page = Paging.read(tool.name(), args, DEFAULT_LIMIT);
                    Map<String, String> params = new LinkedHashMap<>();
                    args.object("params")
                            .forEach((name, value) -> params.put(name, plain(((Number) value).doubleValue())));
                    LocalDate from = page.pinned().containsKey("from")
                            ? LocalDate.parse(page.pinned().get("from"))
                            : args.date("from");
                    LocalDate to = page.pinned().containsKey("to")
                            ? LocalDate.parse(page.pinned().get("to"))
                            : args.date("to");
                    Analysis.IndicatorSeries series = analysis.indicator(
                            caller,
                            new Analysis.IndicatorRequest(
                                    symbol, args.text("name"), params, args.text("interval", "1d"), from, to));
                    List<String> outputs =
                            IndicatorCatalog.ALL.get(series.name()).outputs();
                    List<String> columns = new ArrayList<>(List.of("time"));
                    columns.addAll(outputs.isEmpty() ? List.of("value") : outputs);
                    List<Analysis.IndicatorPoint> points = series.points();
                    int total = points.size();
                    if (page.offset() > total) {
                        throw DomainException.invalidParameter(Paging.CURSOR, "The cursor points past the last point.");
                    }
                    boolean intraday = BarInterval.fromCode(series.interval())
                            .map(BarInterval::isIntraday)
                            .orElse(false);
                    List<List<Object>> rows = new ArrayList<>();
                    StringBuilder text = new StringBuilder();
                    for (Analysis.IndicatorPoint point : points.subList(page.offset(), page.end(total))) {
                        List<Object> row = new ArrayList<>();
                        row.add(point.time().toString());
                        StringBuilder line = new StringBuilder(
                                intraday
                                        ? point.time().toString()
                                        : point.time().toString().substring(0, 10));
                        if (point.value() instanceof Map<?, ?> values) {
                            for (String output : outputs) {
                                Double value = Numbers.json((Double) values.get(output));
                                row.add(value);
                                line.append('|').append(Numbers.ratio(value));
                            }
                        } else {
                            Double value = Numbers.json((Double) point.value());
                            row.add(value);
                            line.append('|').append(Numbers.ratio(value));
                        }
                        rows.add(row);
                        text.append(line).append('\n');
                    }
                    Provenance provenance = new Provenance(
                            List.of(series.provider()),
                            series.demo(),
                            false,
                            points.isEmpty() ? null : points.getLast().time(),
                            false);
                    String next = Paging.next(
                            tool.name(),
                            args,
                            page,
                            total,
                            Map.of(
                                    "from",
                                    series.from().toString(),
                                    "to",
                                    series.to().toString()));
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("symbol", series.symbol());
                    structured.put("name", series.name());
                    structured.put("params", series.params());
                    structured.put("unit", series.unit());
                    structured.put("interval", series.interval());
                    structured.put("from", series.from().toString());
                    structured.put("to", series.to().toString());
                    structured.put("columns", columns);
                    structured.put("points", rows);
                    structured.put("total", total);
                    structured.put("offset", page.offset());
                    structured.put("nextCursor", next);
                    structured.put("note", series.note());
                    structured.put("provenance", provenance.json());
                    String header = series.symbol() + " " + series.name() + series.params() + " (" + series.unit()
                            + "), "
                            + series.interval() + ", " + series.from() + " to " + series.to() + ": rows "
                            + (total == 0 ? 0 : page.offset() + 1) + "-" + page.end(total) + " of " + total + "\n"
                            + String.join("|", columns) + "\n";
                    return new ToolResult.Success(
                            structured,
                            header
                                    + text
                                    + (series.note() == null ? "" : series.note() + "\n")
                                    + provenance.line()
                                    + (next == null ? "" : "\nmore: call again with cursor=" + next));
                })
                .withExample(Schemas.map("symbol", "AAPL", "name", "RSI", "params", Map.of("period", 14), "limit", 30));
    }

    /** A parameter as the face reads it: whole numbers without a decimal point. */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
