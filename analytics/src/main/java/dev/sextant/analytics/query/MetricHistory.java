package dev.sextant.analytics.query;

import java.time.LocalDate;

/**
 * The history every metric is computed over, in one place: all of a symbol's daily bars from
 * {@link #FIRST_DAY} (in practice, the first bar its source has) up to the evaluation date,
 * inclusive. Nothing else: not the other metrics of a query, not the range an endpoint was asked
 * for. Indicators are causal, so the value at a date computed over a longer range that starts at
 * the same first bar is the value computed up to that date; the indicator endpoint therefore
 * computes over this history up to its {@code to} and answers only the range it was asked for.
 */
public final class MetricHistory {

    /** Earlier than any bar Sextant serves: the history starts at the source's first bar. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);

    private MetricHistory() {}

    /** The first day of the bars to fetch for a metric evaluated on {@code asOf}. */
    public static LocalDate from(LocalDate asOf) {
        return asOf.isBefore(FIRST_DAY) ? asOf : FIRST_DAY;
    }
}
