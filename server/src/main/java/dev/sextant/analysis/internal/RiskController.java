package dev.sextant.analysis.internal;

import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.risk.RiskMetrics;
import dev.sextant.analytics.risk.Rolling;
import dev.sextant.analytics.series.Alignment;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk metrics of one instrument and correlations of several, on the bars {@code GET /api/v1/bars}
 * serves. Every answer names the source of each input series ({@link Provenance}); demo series are
 * not combined with real ones unless the caller passes {@code allowDemo=true}.
 */
@RestController
@RequestMapping(path = "/api/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analysis")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.ANALYSIS)
class RiskController {

    static final int MAX_SYMBOLS = 50;

    private static final String ALLOW_DEMO_DESCRIPTION =
            "Compute even when demo and real series meet (refused otherwise); the answer is then labelled mixed";

    record DrawdownJson(double depth, Instant peak, Instant trough, Instant recovery) {}

    record RiskJson(
            String symbol,
            String interval,
            Instant from,
            Instant to,
            int observations,
            int periodsPerYear,
            double volatility,
            double sharpe,
            Double sortino,
            Double calmar,
            DrawdownJson maxDrawdown,
            double confidence,
            double historicalVar,
            double parametricVar,
            double historicalCvar,
            double parametricCvar,
            String benchmark,
            Double beta,
            Double alpha,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    /** {@code matrix[i][j]}: the correlation of symbols i and j; null where a series does not move. */
    record CorrelationJson(
            List<String> symbols,
            String interval,
            int observations,
            Double[][] matrix,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    /** One value of a rolling metric: the window of returns ending at {@code time}. */
    record RollingPoint(Instant time, Double value) {}

    record RollingJson(
            String symbol,
            String metric,
            String interval,
            int window,
            String benchmark,
            String method,
            List<RollingPoint> points,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    enum RollingMetric {
        VOLATILITY,
        SHARPE,
        SORTINO,
        CALMAR,
        MAX_DRAWDOWN,
        VAR,
        CVAR,
        BETA,
        ALPHA,
        CORRELATION;

        boolean needsBenchmark() {
            return this == BETA || this == ALPHA || this == CORRELATION;
        }
    }

    private final MarketDataService marketData;
    private final Clock clock;

    RiskController(MarketDataService marketData, Clock clock) {
        this.marketData = marketData;
        this.clock = clock;
    }

    @GetMapping("/risk/{symbol}")
    @Operation(
            summary = "Volatility, Sharpe, Sortino, Calmar, max drawdown, VaR and CVaR (and beta/alpha to a benchmark)")
    RiskJson risk(
            Caller caller,
            @PathVariable String symbol,
            @RequestParam(defaultValue = "1d") String interval,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Symbol to measure beta and alpha against, e.g. SPY")
                    @RequestParam(required = false)
                    String benchmark,
            @Parameter(description = "Risk-free rate per year, e.g. 0.04") @RequestParam(defaultValue = "0")
                    double riskFree,
            @Parameter(description = "VaR confidence, e.g. 0.95") @RequestParam(defaultValue = "0.95")
                    double confidence,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo) {
        BarInterval barInterval = interval(interval);
        checkRates(confidence, riskFree);
        List<String> symbols = new ArrayList<>(List.of(Symbols.canonical(symbol.strip(), "symbol")));
        if (benchmark != null && !benchmark.isBlank()) {
            symbols.add(Symbols.canonical(benchmark.strip(), "benchmark"));
        }
        Inputs inputs = inputs(caller, symbols, barInterval, from, to, allowDemo);
        Alignment.Aligned aligned = inputs.aligned();
        double[] prices = aligned.closes()[0];
        int perYear = periodsPerYear(
                barInterval, instrument(caller, symbols.getFirst()).assetClass());
        double[] returns = Returns.simple(prices);
        double riskFreePerPeriod = Math.pow(1 + riskFree, 1.0 / perYear) - 1;
        RiskMetrics.Drawdown drawdown = RiskMetrics.maxDrawdown(prices);
        Double beta = null;
        Double alpha = null;
        if (symbols.size() > 1) {
            double[] market = Returns.simple(aligned.closes()[1]);
            beta = RiskMetrics.beta(returns, market);
            alpha = RiskMetrics.alpha(returns, market, riskFreePerPeriod, perYear);
        }
        long[] times = aligned.times();
        return new RiskJson(
                symbols.getFirst(),
                barInterval.code(),
                Instant.ofEpochSecond(times[0]),
                Instant.ofEpochSecond(times[times.length - 1]),
                prices.length,
                perYear,
                RiskMetrics.volatility(returns, perYear),
                RiskMetrics.sharpe(returns, riskFreePerPeriod, perYear),
                finite(RiskMetrics.sortino(returns, riskFreePerPeriod, perYear)),
                finite(RiskMetrics.calmar(prices, perYear)),
                new DrawdownJson(
                        drawdown.depth(),
                        Instant.ofEpochSecond(times[drawdown.peakIndex()]),
                        Instant.ofEpochSecond(times[drawdown.troughIndex()]),
                        drawdown.recovered() ? Instant.ofEpochSecond(times[drawdown.recoveryIndex()]) : null),
                confidence,
                RiskMetrics.valueAtRisk(returns, confidence, RiskMetrics.Method.HISTORICAL),
                RiskMetrics.valueAtRisk(returns, confidence, RiskMetrics.Method.PARAMETRIC),
                RiskMetrics.conditionalValueAtRisk(returns, confidence, RiskMetrics.Method.HISTORICAL),
                RiskMetrics.conditionalValueAtRisk(returns, confidence, RiskMetrics.Method.PARAMETRIC),
                symbols.size() > 1 ? symbols.get(1) : null,
                beta,
                alpha,
                inputs.provenance().demo(),
                inputs.provenance().mixed(),
                inputs.provenance().inputs());
    }

    @GetMapping("/rolling/{symbol}")
    @Operation(
            summary = "A risk metric over a rolling window of returns: volatility, sharpe, sortino, calmar, "
                    + "max_drawdown, var, cvar, or beta, alpha, correlation against a benchmark")
    RollingJson rolling(
            Caller caller,
            @PathVariable String symbol,
            @Parameter(
                            description = "volatility, sharpe, sortino, calmar, max_drawdown, var, cvar, beta, alpha, "
                                    + "correlation")
                    @RequestParam
                    String metric,
            @Parameter(description = "Returns per window, 2 to 5000, e.g. 63") @RequestParam int window,
            @RequestParam(defaultValue = "1d") String interval,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Needed by beta, alpha and correlation, e.g. SPY") @RequestParam(required = false)
                    String benchmark,
            @RequestParam(defaultValue = "0") double riskFree,
            @RequestParam(defaultValue = "0.95") double confidence,
            @Parameter(description = "historical or parametric, for var and cvar")
                    @RequestParam(defaultValue = "historical")
                    String method,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo) {
        RollingMetric kind = named(RollingMetric.values(), metric)
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        "metric",
                        "Unknown metric '" + metric.strip() + "'; use one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(RollingMetric.values())
                                                .map(m -> m.name().toLowerCase(Locale.ROOT))
                                                .toList())
                                + "."));
        RiskMetrics.Method varMethod = named(RiskMetrics.Method.values(), method)
                .orElseThrow(() -> ApiProblem.invalidParameter("method", "'method' is historical or parametric."));
        if (window < 2 || window > 5_000) {
            throw ApiProblem.invalidParameter("window", "'window' counts returns, from 2 to 5000.");
        }
        checkRates(confidence, riskFree);
        if (kind.needsBenchmark() && (benchmark == null || benchmark.isBlank())) {
            throw ApiProblem.invalidParameter(
                    "benchmark", kind.name().toLowerCase(Locale.ROOT) + " needs a benchmark, e.g. SPY.");
        }
        BarInterval barInterval = interval(interval);
        List<String> symbols = new ArrayList<>(List.of(Symbols.canonical(symbol.strip(), "symbol")));
        if (kind.needsBenchmark()) {
            symbols.add(Symbols.canonical(benchmark.strip(), "benchmark"));
        }
        Inputs inputs = inputs(caller, symbols, barInterval, from, to, allowDemo);
        Alignment.Aligned aligned = inputs.aligned();
        double[] prices = aligned.closes()[0];
        int perYear = periodsPerYear(
                barInterval, instrument(caller, symbols.getFirst()).assetClass());
        double riskFreePerPeriod = Math.pow(1 + riskFree, 1.0 / perYear) - 1;
        double[] returns = Returns.simple(prices);
        double[] market = kind.needsBenchmark() ? Returns.simple(aligned.closes()[1]) : null;
        // Price metrics see window + 1 prices, as window returns need; both line up with the prices' times.
        double[] values = switch (kind) {
            case VOLATILITY -> Rolling.volatility(returns, window, perYear);
            case SHARPE -> Rolling.sharpe(returns, window, riskFreePerPeriod, perYear);
            case SORTINO -> Rolling.sortino(returns, window, riskFreePerPeriod, perYear);
            case VAR -> Rolling.valueAtRisk(returns, window, confidence, varMethod);
            case CVAR -> Rolling.conditionalValueAtRisk(returns, window, confidence, varMethod);
            case BETA -> Rolling.beta(returns, market, window);
            case ALPHA -> Rolling.alpha(returns, market, window, riskFreePerPeriod, perYear);
            case CORRELATION -> Rolling.correlation(returns, market, window);
            case CALMAR -> tailOf(Rolling.calmar(prices, window + 1, perYear));
            case MAX_DRAWDOWN -> tailOf(Rolling.maxDrawdown(prices, window + 1));
        };
        long[] times = aligned.times();
        List<RollingPoint> points = new ArrayList<>();
        for (int i = window - 1; i < values.length; i++) {
            // values[i] is the window of returns ending with return i, which ends at price i + 1.
            points.add(new RollingPoint(Instant.ofEpochSecond(times[i + 1]), finite(values[i])));
        }
        return new RollingJson(
                symbols.getFirst(),
                kind.name().toLowerCase(Locale.ROOT),
                barInterval.code(),
                window,
                kind.needsBenchmark() ? symbols.get(1) : null,
                kind == RollingMetric.VAR || kind == RollingMetric.CVAR
                        ? varMethod.name().toLowerCase(Locale.ROOT)
                        : null,
                points,
                inputs.provenance().demo(),
                inputs.provenance().mixed(),
                inputs.provenance().inputs());
    }

    /** The constant a parameter names, in any case. */
    private static <E extends Enum<E>> java.util.Optional<E> named(E[] constants, String name) {
        return Arrays.stream(constants)
                .filter(constant -> constant.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** A price-indexed rolling series re-indexed by return: entry i is the window ending at price i + 1. */
    private static double[] tailOf(double[] byPrice) {
        return Arrays.copyOfRange(byPrice, 1, byPrice.length);
    }

    /** The bars of each symbol, where they came from, and their closes on the times all share. */
    private record Inputs(Alignment.Aligned aligned, Provenance provenance) {}

    /** Fetches every symbol's bars, refuses demo mixed with real data unless allowed, and aligns them. */
    private Inputs inputs(
            Caller caller,
            List<String> symbols,
            BarInterval interval,
            LocalDate from,
            LocalDate to,
            boolean allowDemo) {
        List<BarSeries> served = new ArrayList<>();
        for (String s : symbols) {
            served.add(marketData.bars(caller, BarRequest.withDefaults(s, interval, from, to, clock)));
        }
        Provenance provenance = Provenance.of(served, allowDemo, "allowDemo=true");
        Alignment.Aligned aligned =
                Alignment.closes(served.stream().map(BarSeries::bars).toList());
        if (aligned.times().length < 3) {
            throw ApiProblem.invalidParameter(
                    "from",
                    (symbols.size() == 1 ? "The range holds " : "The symbols share ") + aligned.times().length
                            + " bars in the range; at least 3 are needed.");
        }
        return new Inputs(aligned, provenance);
    }

    private static void checkRates(double confidence, double riskFree) {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw ApiProblem.invalidParameter(
                    "confidence", "'confidence' must be at least 0.5 and below 1, e.g. 0.95.");
        }
        if (!(riskFree > -1 && riskFree < 1)) {
            throw ApiProblem.invalidParameter("riskFree", "'riskFree' is a yearly rate as a fraction, e.g. 0.04.");
        }
    }

    @GetMapping("/correlation")
    @Operation(summary = "Correlation matrix of several instruments' returns on their common bars")
    CorrelationJson correlation(
            Caller caller,
            @Parameter(description = "Comma-separated symbols, 2 to 50") @RequestParam String symbols,
            @RequestParam(defaultValue = "1d") String interval,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo) {
        BarInterval barInterval = interval(interval);
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(symbols.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Symbols.canonical(s, "symbols"))
                .toList()));
        if (wanted.size() < 2 || wanted.size() > MAX_SYMBOLS) {
            throw ApiProblem.invalidParameter("symbols", "Give 2 to " + MAX_SYMBOLS + " different symbols.");
        }
        Inputs inputs = inputs(caller, wanted, barInterval, from, to, allowDemo);
        Alignment.Aligned aligned = inputs.aligned();
        double[][] returns = new double[wanted.size()][];
        for (int s = 0; s < wanted.size(); s++) {
            returns[s] = Returns.log(aligned.closes()[s]);
        }
        double[][] matrix = Correlation.correlationMatrix(returns);
        Double[][] json = new Double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            json[i] = Arrays.stream(matrix[i]).mapToObj(RiskController::finite).toArray(Double[]::new);
        }
        Provenance provenance = inputs.provenance();
        return new CorrelationJson(
                wanted,
                barInterval.code(),
                returns[0].length,
                json,
                provenance.demo(),
                provenance.mixed(),
                provenance.inputs());
    }

    private Instrument instrument(Caller caller, String symbol) {
        return marketData.instrument(caller, symbol).orElseThrow();
    }

    /** Bars in a year: trading sessions for markets that close, every day for crypto. */
    static int periodsPerYear(BarInterval interval, AssetClass assetClass) {
        boolean allDay = assetClass == AssetClass.CRYPTO;
        int days = allDay ? 365 : 252;
        int minutesPerDay = allDay ? 1_440 : 390;
        return switch (interval) {
            case ONE_DAY -> days;
            case ONE_WEEK -> 52;
            case ONE_MONTH -> 12;
            default -> days * Math.max(1, minutesPerDay / (interval.seconds() / 60));
        };
    }

    private static BarInterval interval(String code) {
        return BarInterval.fromCode(code)
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        "interval", "Unsupported interval '" + code + "'; use one of " + BarInterval.codes() + "."));
    }

    /** JSON has no infinity or NaN: a ratio with nothing to divide by is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
