package dev.sextant.marketdata.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before CalendarPeriods goes: analytics' Resample answers the same weekly and monthly bars, bit for
 * bit, on daily series with gaps (weekends, holidays, missing weeks), across year ends and leap days.
 */
class CalendarPeriodsResampleTest {

    static Stream<OhlcvSeries> dailySeries() {
        return IntStream.range(0, 40).mapToObj(CalendarPeriodsResampleTest::randomDays);
    }

    private static OhlcvSeries randomDays(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OhlcvSeries.Builder days = OhlcvSeries.builder(800);
        LocalDate day = LocalDate.of(1998 + random.nextInt(28), 1 + random.nextInt(12), 1 + random.nextInt(28));
        int count = seed == 0 ? 1 : random.nextInt(1, 800);
        double close = 10 + random.nextDouble() * 500;
        for (int i = 0; i < count; i++) {
            day = day.plusDays(random.nextInt(10) == 0 ? random.nextInt(2, 40) : 1);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                if (seed % 3 != 0) {
                    continue; // crypto-like series keep weekends
                }
            }
            double open = close * (1 + (random.nextDouble() - 0.5) * 0.04);
            close = open * (1 + (random.nextDouble() - 0.5) * 0.04);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
            days.add(
                    day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                    open,
                    high,
                    low,
                    close,
                    Math.floor(random.nextDouble() * 1e7));
        }
        return days.build();
    }

    @ParameterizedTest
    @MethodSource("dailySeries")
    void test_resample_equalsCalendarPeriods_forWeeksAndMonths(OhlcvSeries days) {
        assertSame(Resample.to(days, BarInterval.ONE_WEEK), CalendarPeriods.weeks(days));
        assertSame(Resample.to(days, BarInterval.ONE_MONTH), CalendarPeriods.months(days));
    }

    private static void assertSame(OhlcvSeries actual, OhlcvSeries expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.time(i)).as("time %d", i).isEqualTo(expected.time(i));
            assertThat(Double.doubleToRawLongBits(actual.open(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.open(i)));
            assertThat(Double.doubleToRawLongBits(actual.high(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.high(i)));
            assertThat(Double.doubleToRawLongBits(actual.low(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.low(i)));
            assertThat(Double.doubleToRawLongBits(actual.close(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.close(i)));
            assertThat(Double.doubleToRawLongBits(actual.volume(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.volume(i)));
        }
    }
}
