package dev.sextant.marketdata.internal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * When an instrument trades: the exchange's time zone, the session's opening time and length, and
 * which days it trades (for US equities: weekdays that are not NYSE holidays).
 */
public enum TradingSession {
    /** NYSE and Nasdaq regular hours, 09:30 to 16:00 New York time, Monday to Friday. */
    US_EQUITY(ZoneId.of("America/New_York"), LocalTime.of(9, 30), 390, 252, false),
    /** Crypto trades around the clock; a "day" is the UTC calendar day. */
    CRYPTO(ZoneOffset.UTC, LocalTime.MIDNIGHT, 1440, 365, true);

    private final ZoneId zone;
    private final LocalTime open;
    private final int minutes;
    private final int tradingDaysPerYear;
    private final boolean everyDay;

    TradingSession(ZoneId zone, LocalTime open, int minutes, int tradingDaysPerYear, boolean everyDay) {
        this.zone = zone;
        this.open = open;
        this.minutes = minutes;
        this.tradingDaysPerYear = tradingDaysPerYear;
        this.everyDay = everyDay;
    }

    ZoneId zone() {
        return zone;
    }

    /** Minutes in one session (390 for US equities, 1440 for crypto). */
    public int minutes() {
        return minutes;
    }

    public int tradingDaysPerYear() {
        return tradingDaysPerYear;
    }

    public boolean isTradingDay(LocalDate day) {
        return (everyDay ? ExchangeCalendar.CRYPTO : ExchangeCalendar.US).isTradingDay(day);
    }

    public Instant openOf(LocalDate day) {
        return day.atTime(open).atZone(zone).toInstant();
    }

    public Instant closeOf(LocalDate day) {
        return openOf(day).plusSeconds(60L * minutes);
    }

    /** The exchange's calendar date at the given instant. */
    public LocalDate dateAt(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Whether the overnight gap moves the price (markets that close do; crypto never closes). */
    public boolean hasOvernightGap() {
        return !everyDay;
    }
}
