package dev.sextant.analytics.fundamentals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A company's figures as they were known on {@code asOf}, from the facts filed by then (see
 * {@link PointInTimeFigures} for the rules). A figure nobody could know then (not reported, too few
 * periods filed) is {@code NaN}. Immutable and thread-safe; {@code double} like every analytics
 * series: these feed ratios, not ledgers.
 *
 * @param dilutedEpsTtm diluted earnings per share over the trailing twelve months, USD per share
 * @param netIncomeTtm net income over the trailing twelve months, USD
 * @param revenueTtm revenue over the trailing twelve months, USD
 * @param dividendsPerShareTtm dividends declared per share over the trailing twelve months, USD per share
 * @param equity stockholders' equity at the latest balance date, USD
 * @param sharesOutstanding common shares outstanding at the latest date reported
 * @param totalDebt long-term debt (current maturities included) and short-term borrowings at the latest
 *     balance date, USD
 * @param lastFiled the newest filing date among the facts known, null when none was filed by {@code asOf}
 */
public record KnownFigures(
        LocalDate asOf,
        double dilutedEpsTtm,
        double netIncomeTtm,
        double revenueTtm,
        double dividendsPerShareTtm,
        double equity,
        double sharesOutstanding,
        double totalDebt,
        @Nullable LocalDate lastFiled) {

    /** Nothing known: a fund, a crypto pair, a company before its first filing. */
    public static KnownFigures none(LocalDate asOf) {
        return new KnownFigures(
                asOf, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
    }
}
