package dev.sextant.marketdata.internal.provider;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One reported figure of a company, e.g. revenue for a fiscal quarter.
 *
 * @param concept the figure's name in the provider's taxonomy (EDGAR: US-GAAP concept, e.g. {@code Revenues})
 * @param periodStart the first day of the period a flow (income, cash flow) covers; null for a
 *     balance at {@code periodEnd}
 * @param periodEnd the last day of the period it covers
 * @param fiscalPeriod the fiscal period of the filing that reported it ({@code FY}, {@code Q1}..{@code Q4}): a
 *     10-K reports the prior years' figures too, so the dates, not this, say which period a fact covers
 * @param filed when it was published; before that, nobody could have known it
 */
public record FundamentalFact(
        String concept,
        String unit,
        double value,
        @Nullable LocalDate periodStart,
        LocalDate periodEnd,
        String fiscalPeriod,
        LocalDate filed) {}
