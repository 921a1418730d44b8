package dev.sextant.analysis.internal;

import dev.sextant.analysis.Analysis;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk metrics of one instrument and correlations of several over HTTP: parameters in, the
 * {@link Analysis} face's records out. Every answer names the source of each input series; demo
 * series are not combined with real ones unless the caller passes {@code allowDemo=true}.
 */
@RestController
@RequestMapping(path = "/api/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analysis")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.ANALYSIS)
class RiskController {

    private static final String ALLOW_DEMO_DESCRIPTION =
            "Compute even when demo and real series meet (refused otherwise); the answer is then labelled mixed";

    private final Analysis analysis;

    RiskController(Analysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping("/risk/{symbol}")
    @Operation(
            summary = "Volatility, Sharpe, Sortino, Calmar, max drawdown, VaR and CVaR (and beta/alpha to a benchmark)")
    Analysis.RiskReport risk(
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
        return analysis.risk(
                caller,
                new Analysis.RiskRequest(symbol, benchmark, interval, from, to, riskFree, confidence, allowDemo));
    }

    @GetMapping("/rolling/{symbol}")
    @Operation(
            summary = "A risk metric over a rolling window of returns: volatility, sharpe, sortino, calmar, "
                    + "max_drawdown, var, cvar, or beta, alpha, correlation against a benchmark")
    Analysis.RollingSeries rolling(
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
        return analysis.rolling(
                caller,
                new Analysis.RollingRequest(
                        symbol,
                        metric,
                        window,
                        benchmark,
                        interval,
                        from,
                        to,
                        riskFree,
                        confidence,
                        method,
                        allowDemo));
    }

    @GetMapping("/correlation")
    @Operation(summary = "Correlation matrix of several instruments' returns on their common bars")
    Analysis.CorrelationMatrix correlation(
            Caller caller,
            @Parameter(description = "Comma-separated symbols, 2 to 50") @RequestParam String symbols,
            @RequestParam(defaultValue = "1d") String interval,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo) {
        return analysis.correlation(
                caller,
                new Analysis.CorrelationRequest(Arrays.asList(symbols.split(",", -1)), interval, from, to, allowDemo));
    }

    @GetMapping("/regression")
    @Operation(
            summary = "Ordinary least squares of one instrument's returns on others' (e.g. a stock on SPY and QQQ)",
            description = "Simple returns on the bars every symbol shares; the intercept first, then one "
                    + "coefficient per regressor, each with its standard error and t statistic.")
    Analysis.RegressionFit regression(
            Caller caller,
            @Parameter(description = "The symbol whose returns are explained, e.g. AAPL") @RequestParam String symbol,
            @Parameter(description = "Comma-separated symbols to regress on, 1 to 10, e.g. SPY,QQQ") @RequestParam
                    String regressors,
            @RequestParam(defaultValue = "1d") String interval,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo) {
        return analysis.regression(
                caller,
                new Analysis.RegressionRequest(
                        symbol, Arrays.asList(regressors.split(",", -1)), interval, from, to, allowDemo));
    }
}
