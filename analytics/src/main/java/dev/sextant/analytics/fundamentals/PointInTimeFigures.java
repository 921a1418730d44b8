package dev.sextant.analytics.fundamentals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return known(facts, asOf).figures();
    }

    /**
     * The facts known on {@code asOf}, indexed once, each figure worked out when asked (a query asks
     * for the one its metric needs, for thousands of symbols).
     */
    public static Known known(List<ReportedFact> facts, LocalDate asOf) {
        return Known.of(facts, asOf);
    }

    /** A balance has no start: this marks it in the day arrays. */
    private static final int NO_START = Integer.MIN_VALUE;

    /**
     * One concept's facts in one unit as known on a date: per period (start, end, as epoch days; a
     * balance has {@link #NO_START}), the value filed last. Built once, read by index scans that
     * allocate nothing.
     */
    private static final class Periods {
        static final Periods NONE = new Periods(new int[0], new int[0], new double[0]);

        final int[] start;
        final int[] end;
        final double[] value;

        private Periods(int[] start, int[] end, double[] value) {
            this.start = start;
            this.end = end;
            this.value = value;
        }

        /** Facts as (start, end, filed, value) rows: sorted by period then filing, the last filing of each period kept. */
        static Periods of(List<ReportedFact> facts) {
            int n = facts.size();
            Integer[] order = new Integer[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            int[] filed = new int[n];
            for (int i = 0; i < n; i++) {
                ReportedFact fact = facts.get(i);
                order[i] = i;
                starts[i] = fact.periodStart() == null
                        ? NO_START
                        : (int) fact.periodStart().toEpochDay();
                ends[i] = (int) fact.periodEnd().toEpochDay();
                filed[i] = (int) fact.filed().toEpochDay();
            }
            java.util.Arrays.sort(
                    order,
                    (a, b) -> ends[a] != ends[b]
                            ? Integer.compare(ends[a], ends[b])
                            : starts[a] != starts[b]
                                    ? Integer.compare(starts[a], starts[b])
                                    : Integer.compare(filed[a], filed[b]));
            int[] start = new int[n];
            int[] end = new int[n];
            double[] value = new double[n];
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (kept > 0 && start[kept - 1] == starts[i] && end[kept - 1] == ends[i]) {
                    value[kept - 1] = facts.get(i).value(); // filed later (or as late): it wins
                    continue;
                }
                start[kept] = starts[i];
                end[kept] = ends[i];
                value[kept] = facts.get(i).value();
                kept++;
            }
            return new Periods(
                    java.util.Arrays.copyOf(start, kept),
                    java.util.Arrays.copyOf(end, kept),
                    java.util.Arrays.copyOf(value, kept));
        }

        int days(int i) {
            return start[i] == NO_START ? 0 : end[i] - start[i] + 1;
        }

        boolean quarter(int i) {
            int days = days(i);
            return days >= 80 && days <= 100;
        }

        boolean year(int i) {
            int days = days(i);
            return days >= 350 && days <= 380;
        }

        /** The value at the latest balance date, NaN when there is none. */
        double latestBalance() {
            for (int i = end.length - 1; i >= 0; i--) {
                if (start[i] == NO_START) {
                    return value[i];
                }
            }
            return Double.NaN;
        }

        /** The end of the latest balance, or {@link #NO_START}. */
        int latestBalanceEnd() {
            for (int i = end.length - 1; i >= 0; i--) {
                if (start[i] == NO_START) {
                    return end[i];
                }
            }
            return NO_START;
        }

        double balanceAt(int day) {
            for (int i = end.length - 1; i >= 0 && end[i] >= day; i--) {
                if (start[i] == NO_START && end[i] == day) {
                    return value[i];
                }
            }
            return Double.NaN;
        }

        double latestQuarter() {
            for (int i = end.length - 1; i >= 0; i--) {
                if (quarter(i)) {
                    return value[i];
                }
            }
            return Double.NaN;
        }

        /** Trailing twelve months at the latest end it can be formed for (see the class comment). */
        double ttm() {
            int previousEnd = Integer.MAX_VALUE;
            for (int i = end.length - 1; i >= 0; i--) {
                if (start[i] == NO_START || end[i] == previousEnd) {
                    continue;
                }
                previousEnd = end[i];
                double value = ttmAt(end[i]);
                if (!Double.isNaN(value)) {
                    return value;
                }
            }
            return Double.NaN;
        }

        private double ttmAt(int at) {
            double quarters = fourQuarters(at);
            if (!Double.isNaN(quarters)) {
                return quarters;
            }
            int year = find(at, 0, Kind.YEAR, 0);
            if (year >= 0) {
                return value[year];
            }
            // The last fiscal year, plus the year to date, minus the year to date a year before.
            for (int i = end.length - 1; i >= 0 && end[i] >= at; i--) {
                if (end[i] != at || start[i] == NO_START || days(i) > 300) {
                    continue;
                }
                int fiscalYear = find(start[i] - 1, SLACK_DAYS, Kind.YEAR, 0);
                int before =
                        find((int) LocalDate.ofEpochDay(at).minusYears(1).toEpochDay(), SLACK_DAYS, Kind.SPAN, days(i));
                if (fiscalYear >= 0 && before >= 0) {
                    return value[fiscalYear] + value[i] - value[before];
                }
            }
            return Double.NaN;
        }

        private double fourQuarters(int at) {
            double sum = 0;
            int boundary = at;
            for (int q = 0; q < 4; q++) {
                int quarter = find(boundary, q == 0 ? 0 : SLACK_DAYS, Kind.QUARTER, 0);
                if (quarter < 0) {
                    return Double.NaN;
                }
                sum += value[quarter];
                boundary = start[quarter] - 1;
            }
            return sum;
        }

        private enum Kind {
            QUARTER,
            YEAR,
            /** A flow of about {@code days} days. */
            SPAN
        }

        /** The period of that kind ending latest within {@code slack} days of {@code day}, or -1. */
        private int find(int day, int slack, Kind kind, int days) {
            for (int i = end.length - 1; i >= 0 && end[i] >= day - slack; i--) {
                if (end[i] > day + slack || start[i] == NO_START) {
                    continue;
                }
                boolean matches = switch (kind) {
                    case QUARTER -> quarter(i);
                    case YEAR -> year(i);
                    case SPAN -> Math.abs(days(i) - days) <= SLACK_DAYS;
                };
                if (matches) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * A company's facts known on a date; each figure is worked out when asked, and a concept's
     * periods indexed the first time a figure reads them (a SCAN on PE reads only the EPS facts).
     * For one thread at a time: a query evaluates each symbol on one thread.
     */
    public static final class Known {
        private final List<ReportedFact> facts;
        private final LocalDate asOf;
        private final Map<String, Periods> byConcept = new HashMap<>();

        private Known(List<ReportedFact> facts, LocalDate asOf) {
            this.facts = facts;
            this.asOf = asOf;
        }

        static Known of(List<ReportedFact> facts, LocalDate asOf) {
            return new Known(facts, asOf);
        }

        /** A concept's periods in the unit a figure reads it in, from the facts filed by {@code asOf}. */
        private Periods periods(String concept, String unit) {
            Periods periods = byConcept.get(concept);
            if (periods == null) {
                List<ReportedFact> known = new ArrayList<>();
                for (ReportedFact fact : facts) {
                    if (fact.concept().equals(concept)
                            && fact.unit().equals(unit)
                            && !fact.filed().isAfter(asOf)
                            && Double.isFinite(fact.value())) {
                        known.add(fact);
                    }
                }
                periods = known.isEmpty() ? Periods.NONE : Periods.of(known);
                byConcept.put(concept, periods);
            }
            return periods;
        }

        public double dilutedEpsTtm() {
            return periods(EPS_DILUTED, "USD/shares").ttm();
        }

        public double netIncomeTtm() {
            return periods(NET_INCOME, "USD").ttm();
        }

        public double revenueTtm() {
            return firstKnown(
                    periods(REVENUES, "USD").ttm(),
                    periods(REVENUE_FROM_CONTRACTS, "USD").ttm());
        }

        public double dividendsPerShareTtm() {
            return firstKnown(
                    periods(DIVIDENDS_DECLARED, "USD/shares").ttm(),
                    periods(DIVIDENDS_PAID, "USD/shares").ttm());
        }

        public double equity() {
            return periods(EQUITY, "USD").latestBalance();
        }

        public double sharesOutstanding() {
            double shares = periods(SHARES_OUTSTANDING, "shares").latestBalance();
            return Double.isNaN(shares) ? periods(DILUTED_SHARES, "shares").latestQuarter() : shares;
        }

        public double totalDebt() {
            Periods longTerm = periods(LONG_TERM_DEBT, "USD");
            int at = longTerm.latestBalanceEnd();
            double debt;
            if (at != NO_START) {
                debt = longTerm.balanceAt(at);
            } else {
                Periods noncurrent = periods(LONG_TERM_DEBT_NONCURRENT, "USD");
                at = noncurrent.latestBalanceEnd();
                if (at == NO_START) {
                    return Double.NaN;
                }
                double current = periods(LONG_TERM_DEBT_CURRENT, "USD").balanceAt(at);
                debt = noncurrent.balanceAt(at) + (Double.isNaN(current) ? 0 : current);
            }
            double shortTerm = periods(SHORT_TERM_BORROWINGS, "USD").balanceAt(at);
            return debt + (Double.isNaN(shortTerm) ? 0 : shortTerm);
        }

        /** The newest filing date among the facts known, null when none was filed by {@code asOf}. */
        public @Nullable LocalDate lastFiled() {
            LocalDate last = null;
            for (ReportedFact fact : facts) {
                if (!fact.filed().isAfter(asOf) && (last == null || fact.filed().isAfter(last))) {
                    last = fact.filed();
                }
            }
            return last;
        }

        /** Every figure at once. */
        public KnownFigures figures() {
            LocalDate lastFiled = lastFiled();
            if (lastFiled == null) {
                return KnownFigures.none(asOf);
            }
            return new KnownFigures(
                    asOf,
                    dilutedEpsTtm(),
                    netIncomeTtm(),
                    revenueTtm(),
                    dividendsPerShareTtm(),
                    equity(),
                    sharesOutstanding(),
                    totalDebt(),
                    lastFiled);
        }
    }

    private static double firstKnown(double first, double second) {
        return Double.isNaN(first) ? second : first;
    }
}
