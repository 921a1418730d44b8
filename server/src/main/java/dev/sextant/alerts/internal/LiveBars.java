package dev.sextant.alerts.internal;

import dev.sextant.analytics.series.OhlcvSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Daily bars with a live price as today's close: the bars an alert's condition is evaluated on, so
 * {@code PRICE} is the live price and every indicator (SMA, RSI, ...) sees it as the close of the
 * price's day. The price's day (UTC) is the last bar's day: that bar's close becomes the price and
 * its high and low widen to include it. It is a later day: a bar for it is appended, opening,
 * closing, high and low at the price, with no volume yet. It is an earlier day (a stale quote): the
 * bars stay as they are.
 */
final class LiveBars {

    private LiveBars() {}

    static OhlcvSeries withLivePrice(OhlcvSeries daily, double price, Instant time) {
        long dayStart = time.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toEpochSecond();
        int n = daily.size();
        if (n > 0) {
            long lastDay = day(daily.time(n - 1));
            if (dayStart < lastDay) {
                return daily;
            }
            if (dayStart == lastDay) {
                OhlcvSeries.Builder bars = copy(daily, n - 1);
                int last = n - 1;
                bars.add(
                        daily.time(last),
                        daily.open(last),
                        Math.max(daily.high(last), price),
                        Math.min(daily.low(last), price),
                        price,
                        daily.volume(last));
                return bars.build();
            }
        }
        OhlcvSeries.Builder bars = copy(daily, n);
        bars.add(dayStart, price, price, price, price, 0);
        return bars.build();
    }

    private static long day(long epochSecond) {
        LocalDate date =
                Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static OhlcvSeries.Builder copy(OhlcvSeries daily, int count) {
        OhlcvSeries.Builder bars = OhlcvSeries.builder(count + 1);
        for (int i = 0; i < count; i++) {
            bars.add(daily.time(i), daily.open(i), daily.high(i), daily.low(i), daily.close(i), daily.volume(i));
        }
        return bars;
    }
}
