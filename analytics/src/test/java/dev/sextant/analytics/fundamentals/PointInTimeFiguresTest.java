package dev.sextant.analytics.fundamentals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures known on a date from a hand-made, EDGAR-shaped fact list whose answers are worked out by
 * hand in the comments: a calendar-year filer whose 10-Qs report the quarter and the year to date,
 * whose 10-Ks report the year (never Q4 alone) and repeat the prior year, and one restatement.
 */
class PointInTimeFiguresTest {

    private static final String EPS = "EarningsPerShareDiluted";

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static ReportedFact flow(
            String concept, String unit, double value, String start, String end, String fp, String filed) {
        return new ReportedFact(concept, unit, value, d(start), d(end), fp, d(filed));
    }

    private static ReportedFact balance(
            String concept, String unit, double value, String end, String fp, String filed) {
        return new ReportedFact(concept, unit, value, null, d(end), fp, d(filed));
    }

    /**
     * EPS per quarter: 2022 0.8, 0.9, 1.0, 1.3 (FY 4.0); 2023 1.0, 1.1, 1.2, 1.5 (FY 4.8); 2024 Q1 1.3.
     * The FY 2023 figure is restated to 4.6 by a 10-K/A filed 2024-03-15.
     */
    static List<ReportedFact> filer() {
        List<ReportedFact> facts = new ArrayList<>();
        // 10-K for 2022, filed 2023-02-20 (with 2021's year as the comparative, which nothing here needs).
        facts.add(flow(EPS, "USD/shares", 4.0, "2022-01-01", "2022-12-31", "FY", "2023-02-20"));
        // 10-Q Q1 2023, filed 2023-05-02: the quarter, and the same quarter a year before.
        facts.add(flow(EPS, "USD/shares", 1.0, "2023-01-01", "2023-03-31", "Q1", "2023-05-02"));
        facts.add(flow(EPS, "USD/shares", 0.8, "2022-01-01", "2022-03-31", "Q1", "2023-05-02"));
        // 10-Q Q2 2023: quarter and six months, this year and last.
        facts.add(flow(EPS, "USD/shares", 1.1, "2023-04-01", "2023-06-30", "Q2", "2023-08-01"));
        facts.add(flow(EPS, "USD/shares", 2.1, "2023-01-01", "2023-06-30", "Q2", "2023-08-01"));
        facts.add(flow(EPS, "USD/shares", 0.9, "2022-04-01", "2022-06-30", "Q2", "2023-08-01"));
        facts.add(flow(EPS, "USD/shares", 1.7, "2022-01-01", "2022-06-30", "Q2", "2023-08-01"));
        // 10-Q Q3 2023: quarter and nine months.
        facts.add(flow(EPS, "USD/shares", 1.2, "2023-07-01", "2023-09-30", "Q3", "2023-11-01"));
        facts.add(flow(EPS, "USD/shares", 3.3, "2023-01-01", "2023-09-30", "Q3", "2023-11-01"));
        facts.add(flow(EPS, "USD/shares", 1.0, "2022-07-01", "2022-09-30", "Q3", "2023-11-01"));
        facts.add(flow(EPS, "USD/shares", 2.7, "2022-01-01", "2022-09-30", "Q3", "2023-11-01"));
        // 10-K 2023, filed 2024-02-20: the year and last year's again (same value, filed again).
        facts.add(flow(EPS, "USD/shares", 4.8, "2023-01-01", "2023-12-31", "FY", "2024-02-20"));
        facts.add(flow(EPS, "USD/shares", 4.0, "2022-01-01", "2022-12-31", "FY", "2024-02-20"));
        // 10-K/A filed 2024-03-15 restates 2023.
        facts.add(flow(EPS, "USD/shares", 4.6, "2023-01-01", "2023-12-31", "FY", "2024-03-15"));
        // 10-Q Q1 2024, filed 2024-05-01.
        facts.add(flow(EPS, "USD/shares", 1.3, "2024-01-01", "2024-03-31", "Q1", "2024-05-01"));
        facts.add(flow(EPS, "USD/shares", 1.0, "2023-01-01", "2023-03-31", "Q1", "2024-05-01"));
        // Balances: equity and debt at each quarter end, shares on each cover page.
        facts.add(balance("StockholdersEquity", "USD", 50e9, "2023-09-30", "Q3", "2023-11-01"));
        facts.add(balance("StockholdersEquity", "USD", 55e9, "2023-12-31", "FY", "2024-02-20"));
        facts.add(balance("StockholdersEquity", "USD", 58e9, "2024-03-31", "Q1", "2024-05-01"));
        facts.add(balance("LongTermDebtNoncurrent", "USD", 20e9, "2024-03-31", "Q1", "2024-05-01"));
        facts.add(balance("LongTermDebtCurrent", "USD", 2e9, "2024-03-31", "Q1", "2024-05-01"));
        facts.add(balance("ShortTermBorrowings", "USD", 1e9, "2024-03-31", "Q1", "2024-05-01"));
        facts.add(balance("ShortTermBorrowings", "USD", 9e9, "2023-12-31", "FY", "2024-02-20"));
        facts.add(balance("EntityCommonStockSharesOutstanding", "shares", 1.00e9, "2024-01-25", "FY", "2024-02-20"));
        facts.add(balance("EntityCommonStockSharesOutstanding", "shares", 0.98e9, "2024-04-20", "Q1", "2024-05-01"));
        facts.add(flow(
                "WeightedAverageNumberOfDilutedSharesOutstanding",
                "shares",
                1.2e9,
                "2023-07-01",
                "2023-09-30",
                "Q3",
                "2023-11-01"));
        return facts;
    }

    private static double epsOn(String asOf) {
        return PointInTimeFigures.of(filer(), d(asOf)).dilutedEpsTtm();
    }

    @Test
    void test_ttm_beforeAnyFilingIsUnknown() {
        assertThat(epsOn("2023-02-19")).isNaN();
        assertThat(PointInTimeFigures.of(filer(), d("2023-02-19")).lastFiled()).isNull();
    }

    @Test
    void test_ttm_isTheFiscalYear_whenTheYearIsTheLatestPeriod() {
        assertThat(epsOn("2023-02-20")).isCloseTo(4.0, within(1e-9));
        assertThat(epsOn("2024-02-20")).isCloseTo(4.8, within(1e-9));
    }

    @Test
    void test_ttm_isLastYearPlusYearToDateMinusTheSameSpanBefore() {
        // Q1 2023: 4.0 + 1.0 - 0.8; six months: 4.0 + 2.1 - 1.7; nine months: 4.0 + 3.3 - 2.7.
        assertThat(epsOn("2023-05-02")).isCloseTo(4.2, within(1e-9));
        assertThat(epsOn("2023-08-01")).isCloseTo(4.4, within(1e-9));
        assertThat(epsOn("2023-11-01")).isCloseTo(4.6, within(1e-9));
        // After the restatement and Q1 2024: 4.6 (restated) + 1.3 - 1.0.
        assertThat(epsOn("2024-05-01")).isCloseTo(4.9, within(1e-9));
    }

    @Test
    void test_restatement_isInvisibleBeforeItsFilingDate() {
        assertThat(epsOn("2024-03-14")).isCloseTo(4.8, within(1e-9));
        assertThat(epsOn("2024-03-15")).isCloseTo(4.6, within(1e-9));
    }

    @Test
    void test_ttm_isTheSumOfFourQuarters_whenEveryQuarterIsReported() {
        List<ReportedFact> facts = new ArrayList<>();
        double[] quarters = {2.0, 2.5, 3.0, 3.5, 4.0};
        LocalDate start = d("2023-01-01");
        for (int i = 0; i < quarters.length; i++) {
            LocalDate end = start.plusMonths(3).minusDays(1);
            facts.add(new ReportedFact(
                    "NetIncomeLoss", "USD", quarters[i], start, end, "Q" + (i % 4 + 1), end.plusDays(30)));
            start = end.plusDays(1);
        }
        KnownFigures known = PointInTimeFigures.of(facts, d("2024-12-31"));
        assertThat(known.netIncomeTtm()).isCloseTo(2.5 + 3.0 + 3.5 + 4.0, within(1e-9));
        // Three quarters known: no twelve months yet.
        assertThat(PointInTimeFigures.of(facts, d("2023-11-01")).netIncomeTtm()).isNaN();
    }

    @Test
    void test_balances_areTheLatestKnown_andDebtAddsItsParts() {
        KnownFigures before = PointInTimeFigures.of(filer(), d("2024-04-30"));
        assertThat(before.equity()).isEqualTo(55e9);
        assertThat(before.sharesOutstanding()).isEqualTo(1.00e9);
        // No long-term debt reported by then: debt is unknown, whatever the short-term borrowings.
        assertThat(before.totalDebt()).isNaN();
        KnownFigures after = PointInTimeFigures.of(filer(), d("2024-05-01"));
        assertThat(after.equity()).isEqualTo(58e9);
        assertThat(after.sharesOutstanding()).isEqualTo(0.98e9);
        assertThat(after.totalDebt()).isEqualTo(20e9 + 2e9 + 1e9);
        assertThat(after.lastFiled()).isEqualTo(d("2024-05-01"));
    }

    @Test
    void test_shares_fallBackToTheLatestQuartersDilutedAverage() {
        KnownFigures known = PointInTimeFigures.of(filer(), d("2023-12-01"));
        assertThat(known.sharesOutstanding()).isEqualTo(1.2e9);
    }

    @Test
    void test_longTermDebt_includesCurrentMaturities_soItIsTakenAlone() {
        List<ReportedFact> facts = List.of(
                balance("LongTermDebt", "USD", 30e9, "2024-03-31", "Q1", "2024-05-01"),
                balance("LongTermDebtCurrent", "USD", 3e9, "2024-03-31", "Q1", "2024-05-01"),
                balance("ShortTermBorrowings", "USD", 1e9, "2024-03-31", "Q1", "2024-05-01"));
        assertThat(PointInTimeFigures.of(facts, d("2024-06-01")).totalDebt()).isEqualTo(31e9);
    }

    @Test
    void test_revenue_andDividends_takeTheirSecondConcept_whenTheFirstIsNotReported() {
        List<ReportedFact> facts = List.of(
                flow(
                        "RevenueFromContractWithCustomerExcludingAssessedTax",
                        "USD",
                        100e9,
                        "2023-01-01",
                        "2023-12-31",
                        "FY",
                        "2024-02-01"),
                flow(
                        "CommonStockDividendsPerShareCashPaid",
                        "USD/shares",
                        0.96,
                        "2023-01-01",
                        "2023-12-31",
                        "FY",
                        "2024-02-01"));
        KnownFigures known = PointInTimeFigures.of(facts, d("2024-02-01"));
        assertThat(known.revenueTtm()).isEqualTo(100e9);
        assertThat(known.dividendsPerShareTtm()).isEqualTo(0.96);
    }
}
