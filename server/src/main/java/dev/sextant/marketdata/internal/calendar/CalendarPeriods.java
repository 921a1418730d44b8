package dev.sextant.marketdata.internal.calendar;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.function.UnaryOperator;

/** Daily bars (stamped 00:00 UTC of their date) aggregated into weeks from Monday or calendar months. */
public final class CalendarPeriods {

    private CalendarPeriods() {}

    public static OhlcvSeries weeks(OhlcvSeries days) {
        return aggregate(days, day -> day.with(DayOfWeek.MONDAY));
    }

    public static OhlcvSeries months(OhlcvSeries days) {
        return aggregate(days, day -> day.with(TemporalAdjusters.firstDayOfMonth()));
    }

    /** Each period's bar is stamped with the period's first day and spans the days present in it. */
    private static OhlcvSeries aggregate(OhlcvSeries days, UnaryOperator<LocalDate> periodStart) {
        OhlcvSeries.Builder periods = OhlcvSeries.builder(days.size() / 4 + 1);
        int i = 0;
        while (i < days.size()) {
            LocalDate start = periodStart.apply(dateOf(days.time(i)));
            double open = days.open(i);
            double high = days.high(i);
            double low = days.low(i);
            double close = days.close(i);
            double volume = days.volume(i);
            for (i++; i < days.size() && periodStart.apply(dateOf(days.time(i))).equals(start); i++) {
                high = Math.max(high, days.high(i));
                low = Math.min(low, days.low(i));
                close = days.close(i);
                volume += days.volume(i);
            }
            periods.add(start.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), open, high, low, close, volume);
        }
        return periods.build();
    }

    private static LocalDate dateOf(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
    }
}
