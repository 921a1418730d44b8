package dev.sextant.analysis;

import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import java.util.Map;

/**
 * What the {@link Analysis} face refuses, as stable codes (the problem types' slugs on the wire).
 * Query refusals that pass ({@link #TOO_MANY_QUERIES}, {@link #QUERY_CAPACITY}) carry a retry time
 * and a {@code retryAfter} detail in seconds.
 */
public final class AnalysisRefusals {

    /** A parameter out of its bounds or unknown; the detail {@code parameter} names it. */
    public static final Refusal INVALID_PARAMETER =
            Refusal.of("invalid-parameter", Refusal.Kind.INVALID, "Invalid parameter");

    /** Demo and real series met in one computation without the caller's opt-in. */
    public static final Refusal DEMO_MIXED_WITH_REAL =
            Refusal.of("demo-mixed-with-real", Refusal.Kind.UNPROCESSABLE, "Demo data mixed with real data");

    /** FK-DSL text that does not parse; details {@code line}, {@code column}, {@code expected}. */
    public static final Refusal QUERY_SYNTAX = Refusal.of("query-syntax", Refusal.Kind.INVALID, "Query syntax error");

    /** A query that parses but cannot run (a limit, an unknown universe); {@code line}, {@code column} when known. */
    public static final Refusal QUERY_INVALID = Refusal.of("query-invalid", Refusal.Kind.INVALID, "Invalid query");

    /** A query that needed more than its compute time. */
    public static final Refusal QUERY_TOO_EXPENSIVE =
            Refusal.of("query-too-expensive", Refusal.Kind.UNPROCESSABLE, "Query needs too much computing");

    /** The caller has too many queries running, or used their compute budget. */
    public static final Refusal TOO_MANY_QUERIES =
            Refusal.of("too-many-queries", Refusal.Kind.TOO_MANY, "Too many queries");

    /** Every query thread stayed busy for longer than a statement may wait. */
    public static final Refusal QUERY_CAPACITY =
            Refusal.of("query-capacity", Refusal.Kind.UNAVAILABLE, "Query capacity exhausted");

    private AnalysisRefusals() {}

    /** The refusal of {@code parameter}'s value, {@code message} saying what it must be. */
    public static DomainException invalidParameter(String parameter, String message) {
        return new DomainException(INVALID_PARAMETER, message, Map.of("parameter", parameter));
    }
}
