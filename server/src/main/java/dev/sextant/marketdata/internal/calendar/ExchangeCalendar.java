package dev.sextant.marketdata.internal.calendar;

import dev.sextant.marketdata.AssetClass;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Predicate;

/**
 * When markets trade: regular sessions and holidays of the US (NYSE), the euro area (Xetra), the UK
 * (LSE) and Japan (TSE) exchanges, and crypto's never-closing market. Caches use it to keep a price
 * until the market can next move it; bars use it to tell a finished session from a running one.
 * Early closes and Tokyo's lunch break count as open time: a cache then refreshes a little more
 * often than needed, never less.
 */
public enum ExchangeCalendar {
    US(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0), NyseHolidays::isHoliday),
    EU(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 30), ExchangeCalendar::isXetraHoliday),
    UK(ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(16, 30), ExchangeCalendar::isLseHoliday),
    JP(ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(15, 30), ExchangeCalendar::isTseHoliday),
    CRYPTO(ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, day -> false);

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;
    private final Predicate<LocalDate> holiday;

    ExchangeCalendar(ZoneId zone, LocalTime open, LocalTime close, Predicate<LocalDate> holiday) {
        this.zone = zone;
        this.open = open;
        this.close = close;
        this.holiday = holiday;
    }

    /** The calendar an instrument trades on, from its asset class and its symbol's exchange suffix. */
    public static ExchangeCalendar of(String symbol, AssetClass assetClass) {
        if (assetClass == AssetClass.CRYPTO) {
            return CRYPTO;
        }
        return switch (symbol) {
            case "^FTSE" -> UK;
            case "^N225" -> JP;
            case "^GDAXI", "^STOXX50E", "^FCHI" -> EU;
            default -> {
                int dot = symbol.lastIndexOf('.');
                String suffix = dot < 0 ? "" : symbol.substring(dot + 1);
                yield switch (suffix) {
                    case "L" -> UK;
                    case "T" -> JP;
                    case "DE", "F", "PA", "AS", "MI", "MC", "BR", "LS", "VI" -> EU;
                    default -> US;
                };
            }
        };
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isTradingDay(LocalDate day) {
        if (this == CRYPTO) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holiday.test(day);
    }

    public Instant openOf(LocalDate day) {
        return day.atTime(open).atZone(zone).toInstant();
    }

    public Instant closeOf(LocalDate day) {
        return this == CRYPTO
                ? openOf(day.plusDays(1))
                : day.atTime(close).atZone(zone).toInstant();
    }

    public boolean isOpen(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        return isTradingDay(day) && !instant.isBefore(openOf(day)) && instant.isBefore(closeOf(day));
    }

    /** The next moment the market opens after {@code instant} (or {@code instant} itself for crypto). */
    public Instant nextOpen(Instant instant) {
        if (this == CRYPTO) {
            return instant;
        }
        LocalDate day = LocalDate.ofInstant(instant, zone);
        for (int i = 0; i < 30; i++, day = day.plusDays(1)) {
            if (isTradingDay(day) && openOf(day).isAfter(instant)) {
                return openOf(day);
            }
        }
        throw new IllegalStateException("no trading day within 30 days of " + instant + " on " + this);
    }

    /** Whether the session of {@code day} has ended at {@code instant} (its daily bar is final). */
    public boolean sessionEnded(LocalDate day, Instant instant) {
        return !instant.isBefore(closeOf(day));
    }

    private static boolean isXetraHoliday(LocalDate day) {
        LocalDate easter = NyseHolidays.easterSunday(day.getYear());
        return matches(day, Month.JANUARY, 1)
                || day.equals(easter.minusDays(2))
                || day.equals(easter.plusDays(1))
                || matches(day, Month.MAY, 1)
                || matches(day, Month.DECEMBER, 24)
                || matches(day, Month.DECEMBER, 25)
                || matches(day, Month.DECEMBER, 26)
                || matches(day, Month.DECEMBER, 31);
    }

    private static boolean isLseHoliday(LocalDate day) {
        int year = day.getYear();
        LocalDate easter = NyseHolidays.easterSunday(year);
        // Christmas and Boxing Day falling on a weekend move to the next free weekdays.
        int[] christmasDays = switch (LocalDate.of(year, Month.DECEMBER, 25).getDayOfWeek()) {
            case FRIDAY -> new int[] {25, 28};
            case SATURDAY -> new int[] {27, 28};
            case SUNDAY -> new int[] {26, 27};
            default -> new int[] {25, 26};
        };
        return day.equals(nextWeekday(LocalDate.of(year, Month.JANUARY, 1)))
                || day.equals(easter.minusDays(2))
                || day.equals(easter.plusDays(1))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)))
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || day.equals(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || matches(day, Month.DECEMBER, christmasDays[0])
                || matches(day, Month.DECEMBER, christmasDays[1]);
    }

    /** TSE holidays: the national holidays (with their Monday and substitute rules), and 31 Dec to 3 Jan. */
    static boolean isTseHoliday(LocalDate day) {
        if ((day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 3) || matches(day, Month.DECEMBER, 31)) {
            return true;
        }
        if (isJapaneseNationalHoliday(day)) {
            return true;
        }
        // A substitute holiday: the first weekday after a run of holidays that includes a Sunday.
        LocalDate before = day.minusDays(1);
        while (isJapaneseNationalHoliday(before)) {
            if (before.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return true;
            }
            before = before.minusDays(1);
        }
        // A "citizens' holiday": a single day between two national holidays.
        return day.getDayOfWeek() != DayOfWeek.SUNDAY
                && isJapaneseNationalHoliday(day.minusDays(1))
                && isJapaneseNationalHoliday(day.plusDays(1));
    }

    private static boolean isJapaneseNationalHoliday(LocalDate day) {
        int year = day.getYear();
        int y = year - 1980;
        int vernal = (int) (20.8431 + 0.242194 * y - Math.floor(y / 4.0));
        int autumnal = (int) (23.2488 + 0.242194 * y - Math.floor(y / 4.0));
        return matches(day, Month.JANUARY, 1)
                || day.equals(nth(year, Month.JANUARY, 2))
                || matches(day, Month.FEBRUARY, 11)
                || (year >= 2020 && matches(day, Month.FEBRUARY, 23))
                || matches(day, Month.MARCH, vernal)
                || matches(day, Month.APRIL, 29)
                || matches(day, Month.MAY, 3)
                || matches(day, Month.MAY, 4)
                || matches(day, Month.MAY, 5)
                || day.equals(nth(year, Month.JULY, 3))
                || matches(day, Month.AUGUST, 11)
                || day.equals(nth(year, Month.SEPTEMBER, 3))
                || matches(day, Month.SEPTEMBER, autumnal)
                || day.equals(nth(year, Month.OCTOBER, 2))
                || matches(day, Month.NOVEMBER, 3)
                || matches(day, Month.NOVEMBER, 23);
    }

    private static LocalDate nth(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    private static LocalDate nextWeekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private static boolean matches(LocalDate day, Month month, int dayOfMonth) {
        return day.getMonth() == month && day.getDayOfMonth() == dayOfMonth;
    }
}
