package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.BarInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The latest start an imported bar may have, now: a bar from the future is refused at import and
 * never served (so one stored before cannot become the current quote). A daily bar may be dated
 * today in any time zone, up to 14 hours ahead of UTC (UTC+14 is the earliest calendar); an intraday
 * bar may start at most a minute ahead, for clocks that disagree a little.
 */
record BarHorizon(BarInterval interval, Instant now) {

    static final Duration DAILY_AHEAD = Duration.ofHours(14);
    static final Duration INTRADAY_AHEAD = Duration.ofMinutes(1);

    /** The latest bar start allowed, epoch seconds, inclusive. */
    long latestStart() {
        return now.plus(interval.isIntraday() ? INTRADAY_AHEAD : DAILY_AHEAD).getEpochSecond();
    }

    boolean allows(long barStart) {
        return barStart <= latestStart();
    }

    /** An end bound for a read of bars starting before it: the requested end, or the horizon when sooner. */
    long clampEnd(long toEpochSecond) {
        return Math.min(toEpochSecond, latestStart() + 1);
    }

    /** A bar's start as its file would say it: a date for days and longer, an instant within a day. */
    String describe(long barStart) {
        Instant start = Instant.ofEpochSecond(barStart);
        return interval.isIntraday()
                ? start.toString()
                : start.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
