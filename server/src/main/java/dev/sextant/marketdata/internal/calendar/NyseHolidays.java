package dev.sextant.marketdata.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The days the New York Stock Exchange is closed on a weekday: its ten regular holidays under the
 * current rules (Juneteenth since 2022; a Saturday holiday moves to Friday, a Sunday one to Monday,
 * except that New Year's Day on a Saturday is not made up) and the unscheduled closures since
 * 2012. Early (13:00) closes are not modelled: those sessions count as full ones.
 */
final class NyseHolidays {

    /** Closures no rule predicts: Hurricane Sandy and national days of mourning. */
    private static final Set<LocalDate> UNSCHEDULED = Set.of(
            LocalDate.of(2012, 10, 29),
            LocalDate.of(2012, 10, 30),
            LocalDate.of(2018, 12, 5),
            LocalDate.of(2025, 1, 9));

    private NyseHolidays() {}

    static boolean isHoliday(LocalDate day) {
        if (UNSCHEDULED.contains(day)) {
            return true;
        }
        int year = day.getYear();
        return day.equals(newYearsDay(year))
                || day.equals(newYearsDay(year + 1))
                || day.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || day.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                || day.equals(easterSunday(year).minusDays(2))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || (year >= 2022 && day.equals(observed(LocalDate.of(year, Month.JUNE, 19))))
                || day.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || day.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || day.equals(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))
                || day.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /**
     * New Year's Day as observed: a Sunday one on Monday; a Saturday one is not made up (the Friday
     * before, the last trading day of the year, stays open), so it stays on the weekend.
     */
    private static LocalDate newYearsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
