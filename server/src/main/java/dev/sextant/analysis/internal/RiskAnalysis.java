package dev.sextant.analysis.internal;

import dev.sextant.analysis.Analysis;
import dev.sextant.analysis.AnalysisRefusals;
import dev.sextant.analytics.risk.Correlation;
import dev.sextant.analytics.risk.Ols;
import dev.sextant.analytics.risk.Returns;
import dev.sextant.analytics.risk.RiskMetrics;
import dev.sextant.analytics.risk.Rolling;
import dev.sextant.analytics.series.Alignment;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Risk metrics of one instrument, rolling metrics, correlations and regressions of several, on
 * the bars {@code GET /api/v1/bars} serves. Every answer names the source of each input series
 * ({@link Provenance}); demo series are not combined with real ones unless the caller allows it.
 */
@Component
class RiskAnalysis {

    static final int MAX_SYMBOLS = 50;

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

    RiskAnalysis(MarketDataService marketData, Clock clock) {
        this.marketData = marketData;
        this.clock = clock;
    }

    Analysis.RiskReport risk(Caller caller, Analysis.RiskRequest request) {
        String symbol = request.symbol();
        String benchmark = request.benchmark();
        double riskFree = request.riskFree();
        double confidence = request.confidence();
        BarInterval barInterval = Intervals.of(request.interval());
        checkRates(confidence, riskFree);
        List<String> symbols = new ArrayList<>(List.of(Symbols.canonical(symbol.strip(), "symbol")));
        if (benchmark != null && !benchmark.isBlank()) {
            symbols.add(Symbols.canonical(benchmark.strip(), "benchmark"));
        }
        Inputs inputs = inputs(caller, symbols, barInterval, request.from(), request.to(), request.allowDemo());
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
        return new Analysis.RiskReport(
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
                new Analysis.Drawdown(
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

    Analysis.RollingSeries rolling(Caller caller, Analysis.RollingRequest request) {
        String symbol = request.symbol();
        String metric = request.metric() == null ? "" : request.metric();
        String method = request.method() == null ? "historical" : request.method();
        int window = request.window();
        String benchmark = request.benchmark();
        double riskFree = request.riskFree();
        double confidence = request.confidence();
        RollingMetric kind = named(RollingMetric.values(), metric)
                .orElseThrow(() -> AnalysisRefusals.invalidParameter(
                        "metric",
                        "Unknown metric '" + metric.strip() + "'; use one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(RollingMetric.values())
                                                .map(m -> m.name().toLowerCase(Locale.ROOT))
                                                .toList())
                                + "."));
        RiskMetrics.Method varMethod = named(RiskMetrics.Method.values(), method)
                .orElseThrow(
                        () -> AnalysisRefusals.invalidParameter("method", "'method' is historical or parametric."));
        if (window < 2 || window > 5_000) {
            throw AnalysisRefusals.invalidParameter("window", "'window' counts returns, from 2 to 5000.");
        }
        checkRates(confidence, riskFree);
        if (kind.needsBenchmark() && (benchmark == null || benchmark.isBlank())) {
            throw AnalysisRefusals.invalidParameter(
                    "benchmark", kind.name().toLowerCase(Locale.ROOT) + " needs a benchmark, e.g. SPY.");
        }
        BarInterval barInterval = Intervals.of(request.interval());
        List<String> symbols = new ArrayList<>(List.of(Symbols.canonical(symbol.strip(), "symbol")));
        if (kind.needsBenchmark()) {
            symbols.add(Symbols.canonical(benchmark.strip(), "benchmark"));
        }
        Inputs inputs = inputs(caller, symbols, barInterval, request.from(), request.to(), request.allowDemo());
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
        List<Analysis.RollingPoint> points = new ArrayList<>();
        for (int i = window - 1; i < values.length; i++) {
            // values[i] is the window of returns ending with return i, which ends at price i + 1.
            points.add(new Analysis.RollingPoint(Instant.ofEpochSecond(times[i + 1]), finite(values[i])));
        }
        return new Analysis.RollingSeries(
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
            throw AnalysisRefusals.invalidParameter(
                    "from",
                    (symbols.size() == 1 ? "The range holds " : "The symbols share ") + aligned.times().length
                            + " bars in the range; at least 3 are needed.");
        }
        return new Inputs(aligned, provenance);
    }

    private static void checkRates(double confidence, double riskFree) {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw AnalysisRefusals.invalidParameter(
                    "confidence", "'confidence' must be at least 0.5 and below 1, e.g. 0.95.");
        }
        if (!(riskFree > -1 && riskFree < 1)) {
            throw AnalysisRefusals.invalidParameter(
                    "riskFree", "'riskFree' is a yearly rate as a fraction, e.g. 0.04.");
        }
    }

    Analysis.CorrelationMatrix correlation(Caller caller, Analysis.CorrelationRequest request) {
        BarInterval barInterval = Intervals.of(request.interval());
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(request.symbols().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Symbols.canonical(s, "symbols"))
                .toList()));
        if (wanted.size() < 2 || wanted.size() > MAX_SYMBOLS) {
            throw AnalysisRefusals.invalidParameter("symbols", "Give 2 to " + MAX_SYMBOLS + " different symbols.");
        }
        Inputs inputs = inputs(caller, wanted, barInterval, request.from(), request.to(), request.allowDemo());
        Alignment.Aligned aligned = inputs.aligned();
        double[][] returns = new double[wanted.size()][];
        for (int s = 0; s < wanted.size(); s++) {
            returns[s] = Returns.log(aligned.closes()[s]);
        }
        double[][] matrix = Correlation.correlationMatrix(returns);
        Double[][] json = new Double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            json[i] = Arrays.stream(matrix[i]).mapToObj(RiskAnalysis::finite).toArray(Double[]::new);
        }
        Provenance provenance = inputs.provenance();
        return new Analysis.CorrelationMatrix(
                wanted,
                barInterval.code(),
                returns[0].length,
                json,
                provenance.demo(),
                provenance.mixed(),
                provenance.inputs());
    }

    /** Regressors one fit may have: more would need more data than most ranges hold. */
    static final int MAX_REGRESSORS = 10;

    Analysis.RegressionFit regression(Caller caller, Analysis.RegressionRequest request) {
        BarInterval barInterval = Intervals.of(request.interval());
        String symbol = Symbols.canonical(request.symbol().strip(), "symbol");
        List<String> regressors = new ArrayList<>(new LinkedHashSet<>(request.regressors().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Symbols.canonical(s, "regressors"))
                .toList()));
        if (regressors.isEmpty() || regressors.size() > MAX_REGRESSORS) {
            throw AnalysisRefusals.invalidParameter(
                    "regressors", "Give 1 to " + MAX_REGRESSORS + " different symbols to regress on.");
        }
        if (regressors.contains(symbol)) {
            throw AnalysisRefusals.invalidParameter(
                    "regressors", symbol + " cannot explain itself: regress it on other symbols.");
        }
        List<String> symbols = new ArrayList<>(List.of(symbol));
        symbols.addAll(regressors);
        Inputs inputs = inputs(caller, symbols, barInterval, request.from(), request.to(), request.allowDemo());
        double[][] closes = inputs.aligned().closes();
        double[] y = Returns.simple(closes[0]);
        double[][] x = new double[regressors.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = Returns.simple(closes[j + 1]);
        }
        if (y.length <= x.length + 1) {
            throw AnalysisRefusals.invalidParameter(
                    "from",
                    "The symbols share " + y.length + " returns in the range; a fit on " + x.length
                            + (x.length == 1 ? " regressor" : " regressors") + " needs at least " + (x.length + 2)
                            + ".");
        }
        Ols.Fit fit;
        try {
            fit = Ols.fit(y, x);
        } catch (IllegalArgumentException collinear) {
            // The one refusal left once the lengths are checked: the regressors move together (or not at all).
            throw AnalysisRefusals.invalidParameter(
                    "regressors", "The regressors' returns are collinear (or constant) in the range: no unique fit.");
        }
        List<Analysis.Coefficient> coefficients = new ArrayList<>();
        for (int a = 0; a < fit.coefficients().length; a++) {
            coefficients.add(new Analysis.Coefficient(
                    a == 0 ? "intercept" : regressors.get(a - 1),
                    fit.coefficients()[a],
                    finite(fit.standardErrors()[a]),
                    finite(fit.tStatistics()[a])));
        }
        Provenance provenance = inputs.provenance();
        return new Analysis.RegressionFit(
                symbol,
                List.copyOf(regressors),
                barInterval.code(),
                fit.observations(),
                coefficients,
                fit.rSquared(),
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

    /** A ratio with nothing to divide by is null (JSON has no infinity or NaN). */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
