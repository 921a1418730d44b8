package dev.sextant.marketdata.internal;

import dev.sextant.platform.ProblemType;

/** The failures market-data requests can meet, with their stable problem types. */
public final class MarketDataProblems {

    public static final ProblemType UNKNOWN_SYMBOL = ProblemType.of("unknown-symbol", 404, "Unknown symbol");
    public static final ProblemType NO_DATA = ProblemType.of("no-data", 404, "No data");
    public static final ProblemType INVALID_RANGE = ProblemType.of("invalid-range", 400, "Invalid date range");
    public static final ProblemType TOO_MANY_BARS = ProblemType.of("too-many-bars", 400, "Too many bars requested");

    private MarketDataProblems() {}
}
