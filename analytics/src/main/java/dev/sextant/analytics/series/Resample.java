package dev.sextant.analytics.series;

import dev.sextant.analytics.check.Check;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Bars of a longer interval from bars of a shorter one, e.g. 1m to 1h to 1d: each output bar opens
 * with the first bar of its period, closes with the last, spans their highest high and lowest low,
 * and sums their volume. Periods are aligned in UTC: intraday ones on multiples of their length
 * since the epoch, days at midnight, weeks on Mondays, months on the first. An output bar is
 * stamped with its period's start, and only periods holding at least one bar appear, so gaps stay
 * gaps. The last bar covers whatever its period holds so far.
 */
public final class Resample {

    private Resample() {}

    public static OhlcvSeries to(OhlcvSeries bars, BarInterval target) {
        Check.notNull(bars, "bars");
        Check.notNull(target, "target");
        OhlcvSeries.Builder out = OhlcvSeries.builder(Math.max(8, bars.size() / 4));
        int i = 0;
        while (i < bars.size()) {
            long period = periodStart(bars.time(i), target);
            long next = nextPeriodStart(period, target);
            double open = bars.open(i);
            double high = bars.high(i);
            double low = bars.low(i);
            double close = bars.close(i);
            double volume = bars.volume(i);
            for (i++; i < bars.size() && bars.time(i) < next; i++) {
                high = Math.max(high, bars.high(i));
                low = Math.min(low, bars.low(i));
                close = bars.close(i);
                volume += bars.volume(i);
            }
            out.add(period, open, high, low, close, volume);
        }
        return out.build();
    }

    /** The start, in epoch seconds, of the period of {@code interval} holding {@code epochSecond}. */
    public static long periodStart(long epochSecond, BarInterval interval) {
        if (interval.isIntraday() || interval == BarInterval.ONE_DAY) {
            long length = interval == BarInterval.ONE_DAY ? 86_400 : interval.seconds();
            return Math.floorDiv(epochSecond, length) * length;
        }
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        LocalDate start = interval == BarInterval.ONE_WEEK
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
        return start.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static long nextPeriodStart(long periodStart, BarInterval interval) {
        if (interval.isIntraday()) {
            return periodStart + interval.seconds();
        }
        if (interval == BarInterval.ONE_DAY) {
            return periodStart + 86_400;
        }
        LocalDate start = LocalDate.ofInstant(Instant.ofEpochSecond(periodStart), ZoneOffset.UTC);
        LocalDate next = interval == BarInterval.ONE_WEEK ? start.plusWeeks(1) : start.plusMonths(1);
        return next.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
