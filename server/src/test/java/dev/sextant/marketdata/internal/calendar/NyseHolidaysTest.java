package dev.sextant.marketdata.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The NYSE's published weekday closures, year by year. */
class NyseHolidaysTest {

    static Stream<Arguments> publishedHolidays() {
        return Stream.of(
                Arguments.of(
                        2012,
                        List.of(
                                "2012-01-02",
                                "2012-01-16",
                                "2012-02-20",
                                "2012-04-06",
                                "2012-05-28",
                                "2012-07-04",
                                "2012-09-03",
                                "2012-10-29",
                                "2012-10-30",
                                "2012-11-22",
                                "2012-12-25")),
                Arguments.of(
                        2021,
                        List.of(
                                "2021-01-01",
                                "2021-01-18",
                                "2021-02-15",
                                "2021-04-02",
                                "2021-05-31",
                                "2021-07-05",
                                "2021-09-06",
                                "2021-11-25",
                                "2021-12-24")),
                Arguments.of(
                        2022,
                        List.of(
                                "2022-01-17",
                                "2022-02-21",
                                "2022-04-15",
                                "2022-05-30",
                                "2022-06-20",
                                "2022-07-04",
                                "2022-09-05",
                                "2022-11-24",
                                "2022-12-26")),
                Arguments.of(
                        2023,
                        List.of(
                                "2023-01-02",
                                "2023-01-16",
                                "2023-02-20",
                                "2023-04-07",
                                "2023-05-29",
                                "2023-06-19",
                                "2023-07-04",
                                "2023-09-04",
                                "2023-11-23",
                                "2023-12-25")),
                Arguments.of(
                        2024,
                        List.of(
                                "2024-01-01",
                                "2024-01-15",
                                "2024-02-19",
                                "2024-03-29",
                                "2024-05-27",
                                "2024-06-19",
                                "2024-07-04",
                                "2024-09-02",
                                "2024-11-28",
                                "2024-12-25")),
                Arguments.of(
                        2025,
                        List.of(
                                "2025-01-01",
                                "2025-01-09",
                                "2025-01-20",
                                "2025-02-17",
                                "2025-04-18",
                                "2025-05-26",
                                "2025-06-19",
                                "2025-07-04",
                                "2025-09-01",
                                "2025-11-27",
                                "2025-12-25")),
                Arguments.of(
                        2026,
                        List.of(
                                "2026-01-01",
                                "2026-01-19",
                                "2026-02-16",
                                "2026-04-03",
                                "2026-05-25",
                                "2026-06-19",
                                "2026-07-03",
                                "2026-09-07",
                                "2026-11-26",
                                "2026-12-25")));
    }

    @ParameterizedTest
    @MethodSource("publishedHolidays")
    void test_weekdayClosures_matchThePublishedList(int year, List<String> published) {
        List<String> closures = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday && NyseHolidays.isHoliday(day)) {
                closures.add(day.toString());
            }
        }

        assertThat(closures).containsExactlyElementsOf(published);
    }

    @Test
    void test_easter_matchesKnownDates() {
        assertThat(NyseHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(NyseHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(NyseHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(NyseHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
    }

    @Test
    void test_saturdayNewYear_isNotMadeUp() {
        // 1 January 2022 was a Saturday: Friday 31 December 2021 traded.
        assertThat(TradingSession.US_EQUITY.isTradingDay(LocalDate.of(2021, 12, 31)))
                .isTrue();
        assertThat(TradingSession.CRYPTO.isTradingDay(LocalDate.of(2024, 12, 25)))
                .isTrue();
    }
}
