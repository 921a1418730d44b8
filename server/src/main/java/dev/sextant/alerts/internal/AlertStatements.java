package dev.sextant.alerts.internal;

import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.DslSyntaxError;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryInvalid;
import dev.sextant.analytics.query.QueryLimits;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * TRACK statements as the alerts module reads them: through the query engine's own parser and
 * checks (never a second grammar), refused as the query endpoint refuses a query, with the same
 * problem types ({@code query-syntax} with the line and column, {@code query-invalid}).
 */
final class AlertStatements {

    /** The same codes as the query endpoint's: a client handles a bad TRACK the same way from either. */
    static final Refusal QUERY_SYNTAX = Refusal.of("query-syntax", Refusal.Kind.INVALID, "Query syntax error");

    static final Refusal QUERY_INVALID = Refusal.of("query-invalid", Refusal.Kind.INVALID, "Invalid query");
    static final int MAX_CONDITION = 2_000;
    /** An alert evaluates one symbol's condition: a second is far more than it needs. */
    private static final Duration COMPUTE_TIME = Duration.ofSeconds(1);

    private AlertStatements() {}

    /** The engine alerts parse and evaluate with: the query defaults, a shorter compute budget. */
    static QueryEngine engine(Clock clock) {
        QueryLimits defaults = QueryLimits.DEFAULTS;
        return new QueryEngine(
                new QueryLimits(
                        defaults.maxStatements(),
                        defaults.maxSymbols(),
                        defaults.maxUniverseSymbols(),
                        defaults.maxRows(),
                        defaults.maxSpanYears(),
                        defaults.maxPeriod(),
                        COMPUTE_TIME,
                        defaults.maxDepth()),
                clock);
    }

    /** The one TRACK statement of {@code text}, checked, or the refusal a query would get. */
    static Ast.Track track(QueryEngine engine, String text) {
        if (text.length() > MAX_CONDITION + 100) {
            throw DomainException.invalidParameter(
                    "query", "A TRACK statement has at most " + (MAX_CONDITION + 100) + " characters.");
        }
        List<Ast.Statement> statements;
        try {
            statements = engine.parse(text);
        } catch (DslSyntaxError error) {
            throw new DomainException(
                    QUERY_SYNTAX,
                    error.getMessage(),
                    Map.of("line", error.line(), "column", error.column(), "expected", error.expected()));
        } catch (QueryInvalid invalid) {
            Map<String, Integer> where =
                    invalid.line() > 0 ? Map.of("line", invalid.line(), "column", invalid.column()) : Map.of();
            throw new DomainException(QUERY_INVALID, invalid.getMessage(), where);
        }
        if (statements.size() != 1 || !(statements.getFirst() instanceof Ast.Track track)) {
            throw new DomainException(
                    QUERY_INVALID,
                    "Send one TRACK statement, e.g. TRACK AAPL WHEN PRICE > 200; other statements "
                            + "run at POST /api/v1/query.");
        }
        return track;
    }
}
