package dev.sextant.analysis;

import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Analysis over market data, on behalf of a caller: indicators, risk metrics, rolling metrics,
 * correlations, regressions and FK-DSL queries. Every bar is read through the market-data face with
 * the caller's rights and keys, exactly as {@code GET /api/v1/bars} serves it, and every answer
 * says where its inputs came from (the provider, whether demo data was used, and whether demo and
 * real data were combined on the caller's opt-in).
 *
 * <p>Nothing here depends on a request: HTTP controllers, tool calls and agents call the same
 * methods, from any thread. Refusals are {@link DomainException}s with the {@link AnalysisRefusals}
 * constants (and those of the market-data face for unknown symbols and unreachable providers).
 * Requests and answers are immutable records.
 */
public interface Analysis {

    /** One indicator of the registry over a symbol's bars. */
    IndicatorSeries indicator(Caller caller, IndicatorRequest request);

    /** Volatility, Sharpe, Sortino, Calmar, drawdown, VaR and CVaR, and beta/alpha to a benchmark. */
    RiskReport risk(Caller caller, RiskRequest request);

    /** A risk metric over a rolling window of returns. */
    RollingSeries rolling(Caller caller, RollingRequest request);

    /** The correlation matrix of several symbols' log returns on the bars they share. */
    CorrelationMatrix correlation(Caller caller, CorrelationRequest request);

    /** Ordinary least squares of one symbol's simple returns on other symbols' returns. */
    RegressionFit regression(Caller caller, RegressionRequest request);

    /** An FK-DSL query (docs/DSL.md): one table per statement. */
    QueryAnswer query(Caller caller, QueryRequest request);

    /**
     * @param name a registry name, in any case ({@code IndicatorCatalog.ALL})
     * @param params parameter values as given (text, as in a URL or a tool call's arguments); a
     *     parameter left out takes its default, one the indicator does not take is refused
     * @param interval a bar interval code ({@code 1d}, {@code 1h}, ...); null for {@code 1d}
     * @param from first day shown; null for the interval's default range
     * @param to last day shown; null for the symbol's last bar
     */
    record IndicatorRequest(
            String symbol,
            String name,
            Map<String, String> params,
            @Nullable String interval,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        public IndicatorRequest {
            // In the order given: of several unknown parameters, the first is refused.
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** One bar's value: a number, or a map of named outputs (MACD, BBANDS). */
    record IndicatorPoint(Instant time, Object value) {}

    /**
     * The indicator's values from {@code from} to {@code to}; points before its lookback are left out.
     *
     * @param params the parameters used, defaults included, whole numbers as integers
     * @param note why there are no points (null when there are)
     */
    record IndicatorSeries(
            String symbol,
            String name,
            Map<String, Number> params,
            String unit,
            String interval,
            String provider,
            boolean demo,
            LocalDate from,
            LocalDate to,
            @Nullable String note,
            List<IndicatorPoint> points) {}

    /**
     * @param benchmark the symbol to measure beta and alpha against; null for none
     * @param interval a bar interval code; null for {@code 1d}
     * @param riskFree risk-free rate per year as a fraction
     * @param confidence VaR confidence, at least 0.5 and below 1
     * @param allowDemo compute even when demo and real series meet; the answer is then labelled mixed
     */
    record RiskRequest(
            String symbol,
            @Nullable String benchmark,
            @Nullable String interval,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            double riskFree,
            double confidence,
            boolean allowDemo) {

        /** Daily bars over the default range, no benchmark, no risk-free rate, 95% VaR. */
        public static RiskRequest of(String symbol) {
            return new RiskRequest(symbol, null, null, null, null, 0, 0.95, false);
        }
    }

    /** The largest fall from a peak, and when it recovered (null: not yet). */
    record Drawdown(
            double depth,
            Instant peak,
            Instant trough,
            @Nullable Instant recovery) {}

    /**
     * Risk metrics of one symbol; a ratio with nothing to divide by is null.
     *
     * @param inputs each series read, in the order it was read
     */
    record RiskReport(
            String symbol,
            String interval,
            Instant from,
            Instant to,
            int observations,
            int periodsPerYear,
            double volatility,
            double sharpe,
            @Nullable Double sortino,
            @Nullable Double calmar,
            Drawdown maxDrawdown,
            double confidence,
            double historicalVar,
            double parametricVar,
            double historicalCvar,
            double parametricCvar,
            @Nullable String benchmark,
            @Nullable Double beta,
            @Nullable Double alpha,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    /**
     * @param metric volatility, sharpe, sortino, calmar, max_drawdown, var, cvar, beta, alpha or
     *     correlation, in any case
     * @param window returns per window, 2 to 5000
     * @param benchmark needed by beta, alpha and correlation
     * @param method historical or parametric, for var and cvar; null for historical
     */
    record RollingRequest(
            String symbol,
            String metric,
            int window,
            @Nullable String benchmark,
            @Nullable String interval,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            double riskFree,
            double confidence,
            @Nullable String method,
            boolean allowDemo) {}

    /** One value of a rolling metric: the window of returns ending at {@code time}; null where undefined. */
    record RollingPoint(Instant time, @Nullable Double value) {}

    /**
     * @param benchmark null for a metric without one
     * @param method null for a metric other than var and cvar
     */
    record RollingSeries(
            String symbol,
            String metric,
            String interval,
            int window,
            @Nullable String benchmark,
            @Nullable String method,
            List<RollingPoint> points,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    /** @param symbols 2 to 50 different symbols (repeats count once) */
    record CorrelationRequest(
            List<String> symbols,
            @Nullable String interval,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            boolean allowDemo) {
        public CorrelationRequest {
            symbols = List.copyOf(symbols);
        }
    }

    /** {@code matrix[i][j]}: the correlation of symbols i and j; null where a series does not move. */
    record CorrelationMatrix(
            List<String> symbols,
            String interval,
            int observations,
            @Nullable Double[][] matrix,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    /** @param regressors 1 to 10 other symbols whose returns explain {@code symbol}'s */
    record RegressionRequest(
            String symbol,
            List<String> regressors,
            @Nullable String interval,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            boolean allowDemo) {
        public RegressionRequest {
            regressors = List.copyOf(regressors);
        }
    }

    /**
     * One term of a fit: the intercept ({@code name} {@code intercept}) or a regressor's symbol.
     *
     * @param tStatistic null when the standard error is zero
     */
    record Coefficient(
            String name,
            double estimate,
            @Nullable Double standardError,
            @Nullable Double tStatistic) {}

    /**
     * @param observations the returns fitted (on the bars every symbol shares)
     * @param coefficients the intercept first, then one per regressor in the order asked
     * @param rSquared the share of the returns' variance the fit explains
     */
    record RegressionFit(
            String symbol,
            List<String> regressors,
            String interval,
            int observations,
            List<Coefficient> coefficients,
            double rSquared,
            boolean demo,
            boolean mixed,
            List<InputSource> inputs) {}

    /** @param allowDemo compute even when demo and real series meet (refused otherwise) */
    record QueryRequest(String text, boolean allowDemo) {}

    /**
     * One table per statement, in order, and the series they were computed from.
     *
     * @param demo true when any input is demo data
     * @param mixed true when demo and real inputs were combined (only with {@code allowDemo})
     * @param inputs each series read, in the order the statements name them
     */
    record QueryAnswer(List<QueryEngine.Table> results, boolean demo, boolean mixed, List<InputSource> inputs) {}
}
