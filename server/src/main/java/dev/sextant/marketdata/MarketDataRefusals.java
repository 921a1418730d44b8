package dev.sextant.marketdata;

import dev.sextant.platform.Refusal;
import dev.sextant.platform.Refusal.Kind;

/**
 * Every refusal market data states, as {@link dev.sextant.platform.DomainException}s its face and
 * internals throw. Each code is the stable slug of a problem type on the wire
 * ({@code urn:sextant:problem:<code>}): it never changes once published. The platform alone decides
 * the HTTP status and headers ({@link dev.sextant.platform.ApiProblem#from}).
 */
public final class MarketDataRefusals {

    /**
     * A value that passed the edge's parsing is still wrong for what it names (a symbol's shape, an
     * interval the symbol has no bars of); details name the {@code parameter}. The same code and title
     * as the platform's shared {@code invalid-parameter} problem, which controllers raise themselves.
     */
    public static final Refusal INVALID_PARAMETER = Refusal.of("invalid-parameter", Kind.INVALID, "Invalid parameter");

    /** No instrument has the symbol; details name the {@code symbol} or the {@code symbols}. */
    public static final Refusal UNKNOWN_SYMBOL = Refusal.of("unknown-symbol", Kind.NOT_FOUND, "Unknown symbol");

    /** The instrument is known but there is nothing of the kind asked for. */
    public static final Refusal NO_DATA = Refusal.of("no-data", Kind.NOT_FOUND, "No data");

    /**
     * A symbol with two meanings: a crypto code that is also a listed ticker ({@code BTC}: the USD pair
     * or a fund). Details name the {@code symbol} and its {@code candidates}; in a query, its
     * {@code line} and {@code column} too.
     */
    public static final Refusal AMBIGUOUS_SYMBOL = Refusal.of("ambiguous-symbol", Kind.INVALID, "Ambiguous symbol");

    public static final Refusal INVALID_RANGE = Refusal.of("invalid-range", Kind.INVALID, "Invalid date range");

    /** The request would answer more bars than one response holds; details give the {@code limit}. */
    public static final Refusal TOO_MANY_BARS = Refusal.of("too-many-bars", Kind.TOO_LARGE, "Too many bars requested");

    /**
     * No provider could answer just now (none reachable, all throttled or over budget); the refusal
     * carries retry advice and details name the {@code providers} asked and what each answered.
     */
    public static final Refusal UPSTREAM_UNAVAILABLE =
            Refusal.of("upstream-unavailable", Kind.UNAVAILABLE, "Market data providers unavailable");

    /** An import file that cannot be read as bars; details name the {@code line} or {@code bar}. */
    public static final Refusal INVALID_IMPORT_FILE =
            Refusal.of("invalid-import-file", Kind.INVALID, "Invalid import file");

    /** An import under a symbol another source serves or would serve. */
    public static final Refusal SYMBOL_TAKEN =
            Refusal.of("symbol-taken", Kind.CONFLICT, "Symbol served by another source");

    /** An import under a symbol another account owns. */
    public static final Refusal IMPORT_OWNED =
            Refusal.of("import-owned", Kind.CONFLICT, "Symbol imported by another account");

    private MarketDataRefusals() {}
}
