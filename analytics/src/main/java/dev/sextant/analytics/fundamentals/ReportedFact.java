package dev.sextant.analytics.fundamentals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One reported figure of a company, e.g. net income for a fiscal quarter, as a filing published it.
 *
 * @param concept the figure's name in the filer's taxonomy (EDGAR: the US-GAAP concept, e.g.
 *     {@code NetIncomeLoss}, {@code EarningsPerShareDiluted})
 * @param unit e.g. {@code USD}, {@code USD/shares}, {@code shares}
 * @param periodStart the first day of the period a flow (income, cash flow) covers; null for a
 *     balance at {@code periodEnd}
 * @param fiscalPeriod {@code FY}, {@code Q1}..{@code Q4}
 * @param filed when it was published; before that, nobody could have known it
 */
public record ReportedFact(
        String concept,
        String unit,
        double value,
        @Nullable LocalDate periodStart,
        LocalDate periodEnd,
        String fiscalPeriod,
        LocalDate filed) {}
