package dev.sextant.tools.internal;

import static dev.sextant.tools.internal.Schemas.arrayOf;
import static dev.sextant.tools.internal.Schemas.object;
import static dev.sextant.tools.internal.Schemas.properties;
import static dev.sextant.tools.internal.Schemas.typed;

import dev.sextant.analysis.Analysis;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.Scope;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Risk metrics of one instrument and the correlation matrix of several. */
@Configuration(proxyBeanMethods = false)
class RiskTools {

    private static final String ALLOW_DEMO =
            "Compute even when demo and real series meet (refused otherwise); the answer is then labelled mixed";

    @Bean
    ToolDefinition riskMetrics(Analysis analysis) {
        Map<String, Object> number = typed("number");
        Map<String, Object> optionalNumber = typed("number", "null");
        Tool tool = new Tool(
                "risk_metrics",
                "Risk metrics",
                "Risk of one instrument over a range of bars (default: the last year of daily bars): annualised"
                        + " volatility, Sharpe, Sortino and Calmar ratios, the maximum drawdown (depth as a fraction,"
                        + " with peak, trough and recovery times), and one-period Value at Risk and CVaR, historical"
                        + " and parametric, at 'confidence' (all fractions: 0.05 is 5 %; VaR as a positive loss)."
                        + " With a benchmark (e.g. SPY) also beta and annualised alpha. Ratios with nothing to divide"
                        + " by are null.",
                object(
                        properties(
                                "symbol", Schemas.symbol("A symbol, e.g. AAPL"),
                                "benchmark", Schemas.symbol("Measure beta and alpha against it, e.g. SPY"),
                                "interval", Schemas.oneOf(BarTools.INTERVALS, "1d", "Bar length"),
                                "from", Schemas.date("First day"),
                                "to", Schemas.date("Last day"),
                                "riskFree",
                                        Schemas.number(-1, 1, 0, "Risk-free rate per year as a fraction, e.g. 0.04"),
                                "confidence", Schemas.number(0.5, 0.9999, 0.95, "VaR confidence, e.g. 0.95"),
                                "allowDemo", Schemas.flag(false, ALLOW_DEMO)),
                        "symbol"),
                object(
                        properties(
                                "symbol", typed("string"),
                                "interval", typed("string"),
                                "from", typed("string"),
                                "to", typed("string"),
                                "observations", typed("integer"),
                                "periodsPerYear", typed("integer"),
                                "volatility", optionalNumber,
                                "sharpe", optionalNumber,
                                "sortino", optionalNumber,
                                "calmar", optionalNumber,
                                "maxDrawdown",
                                        object(
                                                properties(
                                                        "depth", optionalNumber,
                                                        "peak", typed("string"),
                                                        "trough", typed("string"),
                                                        "recovery", typed("string", "null")),
                                                "depth",
                                                "peak",
                                                "trough",
                                                "recovery"),
                                "confidence", number,
                                "historicalVar", optionalNumber,
                                "parametricVar", optionalNumber,
                                "historicalCvar", optionalNumber,
                                "parametricCvar", optionalNumber,
                                "benchmark", typed("string", "null"),
                                "beta", optionalNumber,
                                "alpha", optionalNumber,
                                "provenance", Provenance.SCHEMA),
                        "symbol",
                        "interval",
                        "from",
                        "to",
                        "observations",
                        "periodsPerYear",
                        "volatility",
                        "sharpe",
                        "sortino",
                        "calmar",
                        "maxDrawdown",
                        "confidence",
                        "historicalVar",
                        "parametricVar",
                        "historicalCvar",
                        "parametricCvar",
                        "benchmark",
                        "beta",
                        "alpha",
                        "provenance"),
                Tool.Annotations.READ_OPEN_WORLD,
                Scope.ANALYSIS);
        return new ToolDefinition(tool, (caller, args) -> {
                    String benchmark = args.optionalText("benchmark");
                    Analysis.RiskReport report = analysis.risk(
                            caller,
                            new Analysis.RiskRequest(
                                    Symbols.canonical(args.text("symbol"), "symbol"),
                                    benchmark == null ? null : Symbols.canonical(benchmark, "benchmark"),
                                    args.text("interval", "1d"),
                                    args.date("from"),
                                    args.date("to"),
                                    args.number("riskFree", 0),
                                    args.number("confidence", 0.95),
                                    args.flag("allowDemo", false)));
                    Provenance provenance = Provenance.of(report.inputs(), report.demo(), report.mixed());
                    Map<String, Object> drawdown = new LinkedHashMap<>();
                    drawdown.put("depth", Numbers.json(report.maxDrawdown().depth()));
                    drawdown.put("peak", report.maxDrawdown().peak().toString());
                    drawdown.put("trough", report.maxDrawdown().trough().toString());
                    drawdown.put(
                            "recovery",
                            report.maxDrawdown().recovery() == null
                                    ? null
                                    : report.maxDrawdown().recovery().toString());
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("symbol", report.symbol());
                    json.put("interval", report.interval());
                    json.put("from", report.from().toString());
                    json.put("to", report.to().toString());
                    json.put("observations", report.observations());
                    json.put("periodsPerYear", report.periodsPerYear());
                    json.put("volatility", Numbers.json(report.volatility()));
                    json.put("sharpe", Numbers.json(report.sharpe()));
                    json.put("sortino", finite(report.sortino()));
                    json.put("calmar", finite(report.calmar()));
                    json.put("maxDrawdown", drawdown);
                    json.put("confidence", report.confidence());
                    json.put("historicalVar", Numbers.json(report.historicalVar()));
                    json.put("parametricVar", Numbers.json(report.parametricVar()));
                    json.put("historicalCvar", Numbers.json(report.historicalCvar()));
                    json.put("parametricCvar", Numbers.json(report.parametricCvar()));
                    json.put("benchmark", report.benchmark());
                    json.put("beta", finite(report.beta()));
                    json.put("alpha", finite(report.alpha()));
                    json.put("provenance", provenance.json());
                    String text = report.symbol() + " " + report.interval() + " risk, " + report.from() + " to "
                            + report.to()
                            + " (" + report.observations() + " returns; fractions, annualised where a year applies)\n"
                            + "volatility|sharpe|sortino|calmar|maxDrawdown|VaR" + pct(report.confidence())
                            + " hist|param"
                            + "|CVaR hist|param"
                            + (report.benchmark() == null ? "" : "|beta|alpha vs " + report.benchmark())
                            + "\n" + Numbers.ratio(report.volatility()) + "|" + Numbers.ratio(report.sharpe()) + "|"
                            + Numbers.ratio(report.sortino()) + "|" + Numbers.ratio(report.calmar()) + "|"
                            + Numbers.ratio(report.maxDrawdown().depth()) + "|" + Numbers.ratio(report.historicalVar())
                            + "|"
                            + Numbers.ratio(report.parametricVar()) + "|" + Numbers.ratio(report.historicalCvar()) + "|"
                            + Numbers.ratio(report.parametricCvar())
                            + (report.benchmark() == null
                                    ? ""
                                    : "|" + Numbers.ratio(report.beta()) + "|" + Numbers.ratio(report.alpha()))
                            + "\n" + provenance.line();
                    return new ToolResult.Success(json, text);
                })
                .withExample(Schemas.map("symbol", "AAPL", "benchmark", "SPY"));
    }

    @Bean
    ToolDefinition correlation(Analysis analysis) {
        Tool tool = new Tool(
                "correlation",
                "Correlation matrix",
                "The correlation matrix (-1 to 1) of 2 to 50 instruments' log returns on the bars they all share"
                        + " (default: the last year of daily bars). matrix[i][j] is the correlation of symbols[i] and"
                        + " symbols[j]; null where a series does not move.",
                object(
                        properties(
                                "symbols",
                                        Schemas.array(
                                                Schemas.symbol("A symbol"), 2, 50, "e.g. [\"AAPL\",\"MSFT\",\"SPY\"]"),
                                "interval", Schemas.oneOf(BarTools.INTERVALS, "1d", "Bar length"),
                                "from", Schemas.date("First day"),
                                "to", Schemas.date("Last day"),
                                "allowDemo", Schemas.flag(false, ALLOW_DEMO)),
                        "symbols"),
                object(
                        properties(
                                "symbols", arrayOf(typed("string")),
                                "interval", typed("string"),
                                "observations", typed("integer"),
                                "matrix", arrayOf(arrayOf(typed("number", "null"))),
                                "provenance", Provenance.SCHEMA),
                        "symbols",
                        "interval",
                        "observations",
                        "matrix",
                        "provenance"),
                Tool.Annotations.READ_OPEN_WORLD,
                Scope.ANALYSIS);
        return new ToolDefinition(tool, (caller, args) -> {
                    Analysis.CorrelationMatrix matrix = analysis.correlation(
                            caller,
                            new Analysis.CorrelationRequest(
                                    args.texts("symbols"),
                                    args.text("interval", "1d"),
                                    args.date("from"),
                                    args.date("to"),
                                    args.flag("allowDemo", false)));
                    Provenance provenance = Provenance.of(matrix.inputs(), matrix.demo(), matrix.mixed());
                    List<List<Double>> rows = new ArrayList<>();
                    StringBuilder text = new StringBuilder("correlation of " + matrix.interval() + " log returns, "
                            + matrix.observations() + " observations\n|" + String.join("|", matrix.symbols()) + "\n");
                    for (int i = 0; i < matrix.symbols().size(); i++) {
                        List<Double> row = Arrays.stream(matrix.matrix()[i])
                                .map(RiskTools::finite)
                                .toList();
                        rows.add(row);
                        text.append(matrix.symbols().get(i));
                        row.forEach(value -> text.append('|').append(Numbers.ratio(value)));
                        text.append('\n');
                    }
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("symbols", matrix.symbols());
                    json.put("interval", matrix.interval());
                    json.put("observations", matrix.observations());
                    json.put("matrix", rows);
                    json.put("provenance", provenance.json());
                    return new ToolResult.Success(json, text + provenance.line());
                })
                .withExample(Schemas.map("symbols", List.of("AAPL", "MSFT", "SPY")));
    }

    private static @Nullable Double finite(@Nullable Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static String pct(double confidence) {
        return Numbers.ratio(confidence * 100).replaceAll("\\.?0+$", "");
    }
}
