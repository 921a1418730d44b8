package dev.sextant.analytics.query;

import java.time.Duration;

/** A query that spent its compute time ({@link QueryLimits#computeTime()}) before finishing. */
public final class ComputeBudgetExceeded extends RuntimeException {

    private final Duration budget;

    public ComputeBudgetExceeded(Duration budget) {
        super("The query needed more than " + budget.toMillis() + " ms of computing.", null, false, false);
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }
}
