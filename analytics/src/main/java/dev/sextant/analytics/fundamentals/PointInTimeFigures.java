package dev.sextant.analytics.fundamentals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The figures known on a date from a company's reported facts (EDGAR-style: US-GAAP concept names,
 * {@code USD}, {@code USD/shares} and {@code shares} units). Stateless; pure functions.
 *
 * <p>Point in time: only facts filed on or before the date count; of the facts for the same
 * concept and period, the one filed last by then wins, so a restatement replaces the figure from
 * its filing date on and is invisible before it. Which period a fact covers is read from its dates
 * (EDGAR's {@code fp} is the fiscal period of the filing, and a 10-K repeats earlier years).
 *
 * <p>Trailing twelve months (TTM) of a flow, at the latest period end for which it can be formed:
 * <ol>
 *   <li>the sum of four consecutive quarters (periods of 80 to 100 days, each starting within a week
 *       after the previous one ends) ending there, or
 *   <li>the fiscal year (350 to 380 days) ending there, or
 *   <li>the last fiscal year plus the year to date ending there minus the same span a year earlier
 *       (so Q4, which a 10-K does not report on its own, is never needed).
 * </ol>
 * If none of these can be formed at the latest end, the next earlier end is tried. Per-share TTM
 * figures (EPS, dividends) are sums of the periods' per-share figures, as analysts quote them; the
 * share count differs slightly between quarters.
 *
 * <p>Concepts: diluted EPS {@code EarningsPerShareDiluted}; net income {@code NetIncomeLoss}; revenue
 * {@code Revenues}, else {@code RevenueFromContractWithCustomerExcludingAssessedTax}; dividends
 * {@code CommonStockDividendsPerShareDeclared}, else {@code CommonStockDividendsPerShareCashPaid};
 * equity {@code StockholdersEquity}; shares the cover page's {@code EntityCommonStockSharesOutstanding},
 * else the latest quarter's {@code WeightedAverageNumberOfDilutedSharesOutstanding}; debt
 * {@code LongTermDebt} (which includes current maturities), else {@code LongTermDebtNoncurrent} plus
 * {@code LongTermDebtCurrent}, plus {@code ShortTermBorrowings} at the same balance date.
 */
public final class PointInTimeFigures {

    static final String EPS_DILUTED = "EarningsPerShareDiluted";
    static final String NET_INCOME = "NetIncomeLoss";
    static final String REVENUES = "Revenues";
    static final String REVENUE_FROM_CONTRACTS = "RevenueFromContractWithCustomerExcludingAssessedTax";
    static final String DIVIDENDS_DECLARED = "CommonStockDividendsPerShareDeclared";
    static final String DIVIDENDS_PAID = "CommonStockDividendsPerShareCashPaid";
    static final String EQUITY = "StockholdersEquity";
    static final String SHARES_OUTSTANDING = "EntityCommonStockSharesOutstanding";
    static final String DILUTED_SHARES = "WeightedAverageNumberOfDilutedSharesOutstanding";
    static final String LONG_TERM_DEBT = "LongTermDebt";
    static final String LONG_TERM_DEBT_NONCURRENT = "LongTermDebtNoncurrent";
    static final String LONG_TERM_DEBT_CURRENT = "LongTermDebtCurrent";
    static final String SHORT_TERM_BORROWINGS = "ShortTermBorrowings";

    /** How far apart period boundaries may be and still join (52/53-week fiscal calendars). */
    private static final int SLACK_DAYS = 7;

    private PointInTimeFigures() {}

    /** The figures known on {@code asOf} from {@code facts} (in any order; later filings are ignored). */
    public static KnownFigures of(List<ReportedFact> facts, LocalDate asOf) {
        Known known = Known.of(facts, asOf);
        if (known.isEmpty()) {
            return KnownFigures.none(asOf);
        }
        double shares = known.latestBalance(SHARES_OUTSTANDING, "shares");
        if (Double.isNaN(shares)) {
            shares = known.latestQuarter(DILUTED_SHARES, "shares");
        }
        return new KnownFigures(
                asOf,
                known.ttm(EPS_DILUTED, "USD/shares"),
                known.ttm(NET_INCOME, "USD"),
                firstKnown(known.ttm(REVENUES, "USD"), known.ttm(REVENUE_FROM_CONTRACTS, "USD")),
                firstKnown(known.ttm(DIVIDENDS_DECLARED, "USD/shares"), known.ttm(DIVIDENDS_PAID, "USD/shares")),
                known.latestBalance(EQUITY, "USD"),
                shares,
                known.totalDebt(),
                known.lastFiled);
    }

    private static double firstKnown(double first, double second) {
        return Double.isNaN(first) ? second : first;
    }

    /** A concept's period: a balance has no start. */
    private record Period(@Nullable LocalDate start, LocalDate end) {
        long days() {
            return start == null ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
        }

        boolean quarter() {
            return days() >= 80 && days() <= 100;
        }

        boolean year() {
            return days() >= 350 && days() <= 380;
        }
    }

    /** One value and the filing date it is known from. */
    private record Filed(double value, LocalDate filed) {}

    /** The facts known on a date: per concept and unit, the last-filed value of each period. */
    private static final class Known {
        private final Map<String, Map<Period, Filed>> byConcept;
        private final @Nullable LocalDate lastFiled;

        private Known(Map<String, Map<Period, Filed>> byConcept, @Nullable LocalDate lastFiled) {
            this.byConcept = byConcept;
            this.lastFiled = lastFiled;
        }

        static Known of(List<ReportedFact> facts, LocalDate asOf) {
            Map<String, Map<Period, Filed>> byConcept = new HashMap<>();
            LocalDate lastFiled = null;
            for (ReportedFact fact : facts) {
                if (fact.filed().isAfter(asOf) || !Double.isFinite(fact.value())) {
                    continue;
                }
                if (lastFiled == null || fact.filed().isAfter(lastFiled)) {
                    lastFiled = fact.filed();
                }
                Map<Period, Filed> periods =
                        byConcept.computeIfAbsent(fact.concept() + "|" + fact.unit(), k -> new HashMap<>());
                Period period = new Period(fact.periodStart(), fact.periodEnd());
                Filed held = periods.get(period);
                if (held == null || !fact.filed().isBefore(held.filed())) {
                    periods.put(period, new Filed(fact.value(), fact.filed()));
                }
            }
            return new Known(byConcept, lastFiled);
        }

        boolean isEmpty() {
            return byConcept.isEmpty();
        }

        private Map<Period, Filed> periods(String concept, String unit) {
            return byConcept.getOrDefault(concept + "|" + unit, Map.of());
        }

        /** The value at the latest balance date (a period without start). */
        double latestBalance(String concept, String unit) {
            Period latest = null;
            for (Period period : periods(concept, unit).keySet()) {
                if (period.start() == null && (latest == null || period.end().isAfter(latest.end()))) {
                    latest = period;
                }
            }
            return latest == null
                    ? Double.NaN
                    : periods(concept, unit).get(latest).value();
        }

        /** A balance at {@code end} exactly, NaN when none is reported then. */
        double balanceAt(String concept, String unit, LocalDate end) {
            Filed filed = periods(concept, unit).get(new Period(null, end));
            return filed == null ? Double.NaN : filed.value();
        }

        /** The latest quarter-long period's value (for a per-period average such as diluted shares). */
        double latestQuarter(String concept, String unit) {
            Period latest = null;
            for (Period period : periods(concept, unit).keySet()) {
                if (period.quarter() && (latest == null || period.end().isAfter(latest.end()))) {
                    latest = period;
                }
            }
            return latest == null
                    ? Double.NaN
                    : periods(concept, unit).get(latest).value();
        }

        double totalDebt() {
            double debt = latestBalance(LONG_TERM_DEBT, "USD");
            LocalDate at = latestEnd(LONG_TERM_DEBT);
            if (Double.isNaN(debt)) {
                at = latestEnd(LONG_TERM_DEBT_NONCURRENT);
                if (at == null) {
                    return Double.NaN;
                }
                double current = balanceAt(LONG_TERM_DEBT_CURRENT, "USD", at);
                debt = balanceAt(LONG_TERM_DEBT_NONCURRENT, "USD", at) + (Double.isNaN(current) ? 0 : current);
            }
            double shortTerm = balanceAt(SHORT_TERM_BORROWINGS, "USD", Objects.requireNonNull(at));
            return debt + (Double.isNaN(shortTerm) ? 0 : shortTerm);
        }

        private @Nullable LocalDate latestEnd(String concept) {
            LocalDate latest = null;
            for (Period period : periods(concept, "USD").keySet()) {
                if (period.start() == null && (latest == null || period.end().isAfter(latest))) {
                    latest = period.end();
                }
            }
            return latest;
        }

        /** Trailing twelve months at the latest end it can be formed for (see the class comment). */
        double ttm(String concept, String unit) {
            Map<Period, Filed> periods = periods(concept, unit);
            List<LocalDate> ends = new ArrayList<>();
            for (Period period : periods.keySet()) {
                if (period.start() != null && !ends.contains(period.end())) {
                    ends.add(period.end());
                }
            }
            ends.sort(java.util.Comparator.reverseOrder());
            for (LocalDate end : ends) {
                double value = ttmAt(periods, end);
                if (!Double.isNaN(value)) {
                    return value;
                }
            }
            return Double.NaN;
        }

        private static double ttmAt(Map<Period, Filed> periods, LocalDate end) {
            double quarters = fourQuarters(periods, end);
            if (!Double.isNaN(quarters)) {
                return quarters;
            }
            for (Map.Entry<Period, Filed> entry : periods.entrySet()) {
                if (entry.getKey().end().equals(end) && entry.getKey().year()) {
                    return entry.getValue().value();
                }
            }
            // The last fiscal year, plus the year to date, minus the year to date a year before.
            for (Map.Entry<Period, Filed> toDate : periods.entrySet()) {
                Period ytd = toDate.getKey();
                if (ytd.start() == null || !ytd.end().equals(end) || ytd.days() > 300) {
                    continue;
                }
                Map.Entry<Period, Filed> year =
                        find(periods, p -> p.year() && near(p.end(), ytd.start().minusDays(1)));
                Map.Entry<Period, Filed> before = find(
                        periods,
                        p -> p.start() != null
                                && near(p.end(), ytd.end().minusYears(1))
                                && Math.abs(p.days() - ytd.days()) <= SLACK_DAYS);
                if (year != null && before != null) {
                    return year.getValue().value()
                            + toDate.getValue().value()
                            - before.getValue().value();
                }
            }
            return Double.NaN;
        }

        private static double fourQuarters(Map<Period, Filed> periods, LocalDate end) {
            double sum = 0;
            LocalDate next = end;
            for (int i = 0; i < 4; i++) {
                LocalDate boundary = next;
                boolean first = i == 0;
                Map.Entry<Period, Filed> quarter =
                        find(periods, p -> p.quarter() && (first ? p.end().equals(boundary) : near(p.end(), boundary)));
                if (quarter == null) {
                    return Double.NaN;
                }
                sum += quarter.getValue().value();
                next = quarter.getKey().start().minusDays(1);
            }
            return sum;
        }

        private static Map.@Nullable Entry<Period, Filed> find(
                Map<Period, Filed> periods, java.util.function.Predicate<Period> wanted) {
            Map.Entry<Period, Filed> found = null;
            for (Map.Entry<Period, Filed> entry : periods.entrySet()) {
                // Of several matches (a 52/53-week calendar), the one ending latest, for determinism.
                if (wanted.test(entry.getKey())
                        && (found == null
                                || entry.getKey().end().isAfter(found.getKey().end()))) {
                    found = entry;
                }
            }
            return found;
        }

        private static boolean near(LocalDate a, LocalDate b) {
            return Math.abs(ChronoUnit.DAYS.between(a, b)) <= SLACK_DAYS;
        }
    }
}
