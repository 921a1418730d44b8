package dev.sextant.marketdata.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeCalendarTest {

    @ParameterizedTest(name = "{0} on {1}: trading day = {2}")
    @CsvSource({
        // US: Thanksgiving, Juneteenth, an ordinary Wednesday
        "US, 2026-11-26, false",
        "US, 2025-06-19, false",
        "US, 2025-06-11, true",
        // Xetra: Christmas Eve, New Year's Eve, Labour Day, Easter Monday 2025
        "EU, 2025-12-24, false",
        "EU, 2025-12-31, false",
        "EU, 2025-05-01, false",
        "EU, 2025-04-21, false",
        "EU, 2025-06-11, true",
        // LSE: bank holidays; Christmas 2021 on a Saturday moves to Monday 27th and Boxing Day to Tuesday 28th
        "UK, 2025-05-05, false",
        "UK, 2025-05-26, false",
        "UK, 2025-08-25, false",
        "UK, 2021-12-27, false",
        "UK, 2021-12-28, false",
        "UK, 2021-12-29, true",
        "UK, 2025-12-26, false",
        // TSE: Labour Thanksgiving (today in this repository's calendar), a citizens' holiday between
        // Respect for the Aged Day and the autumnal equinox, a substitute holiday, New Year, equinoxes
        "JP, 2026-11-23, false",
        "JP, 2026-09-22, false",
        "JP, 2026-09-21, false",
        "JP, 2026-09-23, false",
        "JP, 2025-11-24, false",
        "JP, 2026-01-02, false",
        "JP, 2025-03-20, false",
        "JP, 2025-06-11, true",
        // Crypto never closes
        "CRYPTO, 2025-12-25, true",
        "CRYPTO, 2025-06-14, true"
    })
    void test_tradingDays(ExchangeCalendar calendar, LocalDate day, boolean trading) {
        assertThat(calendar.isTradingDay(day)).isEqualTo(trading);
    }

    @Test
    void test_instrumentsFindTheirCalendar() {
        assertThat(ExchangeCalendar.of("AAPL", AssetClass.EQUITY)).isEqualTo(ExchangeCalendar.US);
        assertThat(ExchangeCalendar.of("SAP.DE", AssetClass.EQUITY)).isEqualTo(ExchangeCalendar.EU);
        assertThat(ExchangeCalendar.of("VOD.L", AssetClass.EQUITY)).isEqualTo(ExchangeCalendar.UK);
        assertThat(ExchangeCalendar.of("7203.T", AssetClass.EQUITY)).isEqualTo(ExchangeCalendar.JP);
        assertThat(ExchangeCalendar.of("^N225", AssetClass.INDEX)).isEqualTo(ExchangeCalendar.JP);
        assertThat(ExchangeCalendar.of("BTC-USD", AssetClass.CRYPTO)).isEqualTo(ExchangeCalendar.CRYPTO);
    }

    @Test
    void test_openAndNextOpen_followTheSessionsInTheirOwnZones() {
        Instant wednesdayMidSession = Instant.parse("2025-06-11T15:00:00Z");
        assertThat(ExchangeCalendar.US.isOpen(wednesdayMidSession)).isTrue();
        assertThat(ExchangeCalendar.UK.isOpen(wednesdayMidSession)).isTrue();
        assertThat(ExchangeCalendar.JP.isOpen(wednesdayMidSession)).isFalse();
        assertThat(ExchangeCalendar.JP.nextOpen(wednesdayMidSession)).isEqualTo(Instant.parse("2025-06-12T00:00:00Z"));

        Instant fridayEvening = Instant.parse("2025-06-13T21:00:00Z");
        assertThat(ExchangeCalendar.US.isOpen(fridayEvening)).isFalse();
        assertThat(ExchangeCalendar.US.nextOpen(fridayEvening)).isEqualTo(Instant.parse("2025-06-16T13:30:00Z"));
        // The Thursday before Good Friday 2025: the next Xetra session is Tuesday after Easter Monday.
        assertThat(ExchangeCalendar.EU.nextOpen(Instant.parse("2025-04-17T16:00:00Z")))
                .isEqualTo(Instant.parse("2025-04-22T07:00:00Z"));
        assertThat(ExchangeCalendar.CRYPTO.isOpen(fridayEvening)).isTrue();
    }

    @Test
    void test_aSessionEndsAtItsClose() {
        LocalDate day = LocalDate.of(2025, 6, 11);
        assertThat(ExchangeCalendar.US.sessionEnded(day, Instant.parse("2025-06-11T19:59:59Z")))
                .isFalse();
        assertThat(ExchangeCalendar.US.sessionEnded(day, Instant.parse("2025-06-11T20:00:00Z")))
                .isTrue();
        assertThat(ExchangeCalendar.CRYPTO.sessionEnded(day, Instant.parse("2025-06-12T00:00:00Z")))
                .isTrue();
    }
}
