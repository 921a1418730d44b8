package dev.sextant.marketdata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A company's reported figures as they were public on {@code asOf}: facts filed later (including
 * restatements) are left out, so a backtest never sees the future. Immutable.
 *
 * @param demo true when the facts are the demo market's synthetic filings, not a company's
 * @param fetchedAt when Sextant last asked the provider
 */
public record Fundamentals(
        String symbol, String provider, boolean demo, LocalDate asOf, Instant fetchedAt, List<Fact> facts) {

    public Fundamentals {
        facts = List.copyOf(facts);
    }

    /**
     * One figure, e.g. net income for fiscal 2024.
     *
     * @param concept the provider's name for it (EDGAR: the US-GAAP concept, e.g. {@code NetIncomeLoss})
     * @param periodStart the first day of the period a flow (income, dividends) covers; null for a
     *     balance at {@code periodEnd}
     * @param filed the date it became public
     */
    public record Fact(
            String concept,
            String unit,
            double value,
            @Nullable LocalDate periodStart,
            LocalDate periodEnd,
            String fiscalPeriod,
            LocalDate filed) {}
}
