package dev.sextant.marketdata.internal.provider;

import java.time.LocalDate;

/**
 * One reported figure of a company, e.g. revenue for a fiscal quarter.
 *
 * @param concept the figure's name in the provider's taxonomy (EDGAR: US-GAAP concept, e.g. {@code Revenues})
 * @param periodEnd the last day of the period it covers
 * @param fiscalPeriod {@code FY}, {@code Q1}..{@code Q4}
 * @param filed when it was published; before that, nobody could have known it
 */
public record FundamentalFact(
        String concept, String unit, double value, LocalDate periodEnd, String fiscalPeriod, LocalDate filed) {}
