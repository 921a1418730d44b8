package dev.sextant.marketdata.internal.live;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.calendar.ExchangeCalendar;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.marketdata.internal.store.BarStore.Coverage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bars from providers through the bar store (the L2 cache): a span of finished bars is downloaded
 * once and kept, point in time; later requests read it from the store and only fetch what lies
 * before or after it. Unfinished bars (today's running session) are never stored. Concurrent
 * requests for the same series share one fetch, and with a {@link SharedCache} so do nodes.
 */
public final class BarHistory {

    private static final Logger log = LoggerFactory.getLogger(BarHistory.class);

    /** Bars as served, from whom, fetched when, and whether the newest part could not be brought up to date. */
    public record Bars(OhlcvSeries bars, String provider, Instant fetchedAt, boolean stale) {}

    private final BarStore store;
    private final Arbitrator arbitrator;
    private final Clock clock;
    private final SharedCache shared;
    private final SingleFlight<String, Bars> flights = new SingleFlight<>();

    public BarHistory(BarStore store, Arbitrator arbitrator, Clock clock, SharedCache shared) {
        this.store = store;
        this.arbitrator = arbitrator;
        this.clock = clock;
        this.shared = shared;
    }

    /**
     * Finished bars starting in {@code [from, to)}: daily (times at UTC midnight of the session
     * date) or intraday.
     */
    public Bars bars(String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, UUID owner) {
        long start = from.getEpochSecond();
        long end = Math.min(to.getEpochSecond(), finishedBefore(symbol, assetClass, interval));
        if (end <= start) {
            return new Bars(OhlcvSeries.empty(), "none", clock.instant(), false);
        }
        Optional<Bars> stored = fromStore(symbol, interval, start, end, owner);
        if (stored.isPresent()) {
            return stored.get();
        }
        String key = symbol + "|" + interval.code() + "|" + start + "|" + end + "|" + (owner == null ? "-" : owner);
        return flights.run(key, () -> fetchAndStore(symbol, assetClass, interval, start, end, owner));
    }

    private Bars fetchAndStore(
            String symbol, AssetClass assetClass, BarInterval interval, long start, long end, UUID owner) {
        // Another flight may have filled the store since we looked.
        Optional<Bars> stored = fromStore(symbol, interval, start, end, owner);
        if (stored.isPresent()) {
            return stored.get();
        }
        String lockKey = "bars|" + symbol + "|" + interval.code();
        if (shared != null && !shared.tryLock(lockKey, java.time.Duration.ofSeconds(30))) {
            // Another node is filling the store for this series: wait for its coverage.
            Instant giveUp = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(giveUp)) {
                sleep();
                stored = fromStore(symbol, interval, start, end, owner);
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            return fetchAndStoreLocked(symbol, assetClass, interval, start, end, owner);
        }
        try {
            return fetchAndStoreLocked(symbol, assetClass, interval, start, end, owner);
        } finally {
            if (shared != null) {
                shared.unlock(lockKey);
            }
        }
    }

    private Bars fetchAndStoreLocked(
            String symbol, AssetClass assetClass, BarInterval interval, long start, long end, UUID owner) {
        String userScope = owner == null ? null : "user:" + owner;
        Optional<Coverage> publicCoverage = store.coverage(symbol, interval, BarStore.PUBLIC);
        Optional<Coverage> userCoverage =
                userScope == null ? Optional.empty() : store.coverage(symbol, interval, userScope);
        Coverage held = userCoverage.or(() -> publicCoverage).orElse(null);
        String heldScope = userCoverage.isPresent() ? userScope : BarStore.PUBLIC;

        List<long[]> gaps = new ArrayList<>();
        if (held == null || end <= held.firstTime() || start >= held.endTime()) {
            gaps.add(new long[] {start, end});
        } else {
            if (start < held.firstTime()) {
                gaps.add(new long[] {start, held.firstTime()});
            }
            if (end > held.endTime()) {
                // Refetch the last stored bar too: a provider may have corrected it.
                gaps.add(new long[] {Math.max(held.firstTime(), held.endTime() - stepBack(interval)), end});
            }
        }
        String scope = heldScope;
        String provider = held == null ? "none" : held.provider();
        Instant now = clock.instant();
        long first = held == null ? Long.MAX_VALUE : held.firstTime();
        long last = held == null ? Long.MIN_VALUE : held.endTime();
        boolean stale = false;
        boolean extended = false;
        for (long[] gap : gaps) {
            Arbitrator.Answer<OhlcvSeries> answer;
            try {
                answer = arbitrator.first(
                        Capability.BARS,
                        symbol,
                        assetClass,
                        owner,
                        interval.code() + " bars for " + symbol,
                        (p, key) -> p.bars(
                                symbol,
                                assetClass,
                                interval,
                                Instant.ofEpochSecond(gap[0]),
                                Instant.ofEpochSecond(gap[1]),
                                key));
            } catch (NoProviderAnswered failure) {
                if (held == null) {
                    throw failure;
                }
                // What the store holds is still right, only not complete: serve it, flagged stale.
                log.info(
                        "Serving stored {} bars of {} without their newest part: {}",
                        interval.code(),
                        symbol,
                        failure.getMessage());
                stale = true;
                continue;
            }
            OhlcvSeries finished = answer.value().between(gap[0], gap[1]);
            if (!answer.scope().equals(scope) && held != null) {
                // The answer belongs to another licence scope than what is held: it starts its own span.
                first = Long.MAX_VALUE;
                last = Long.MIN_VALUE;
            }
            scope = answer.scope();
            provider = answer.provider();
            store.write(symbol, interval, scope, finished, provider, now);
            scoreCompleteness(symbol, assetClass, interval, gap, finished, provider);
            first = Math.min(first, gap[0]);
            last = Math.max(last, gap[1]);
            extended = true;
        }
        if (extended) {
            store.cover(symbol, interval, scope, new Coverage(first, last, now, provider));
        }
        OhlcvSeries bars = store.read(symbol, interval, scope, start, end, now);
        return new Bars(bars, provider, stale && held != null ? held.fetchedAt() : now, stale);
    }

    private Optional<Bars> fromStore(String symbol, BarInterval interval, long start, long end, UUID owner) {
        List<String> scopes = owner == null ? List.of(BarStore.PUBLIC) : List.of("user:" + owner, BarStore.PUBLIC);
        for (String scope : scopes) {
            Optional<Coverage> coverage = store.coverage(symbol, interval, scope);
            if (coverage.isPresent() && coverage.get().covers(start, end)) {
                OhlcvSeries bars = store.read(symbol, interval, scope, start, end, clock.instant());
                return Optional.of(
                        new Bars(bars, coverage.get().provider(), coverage.get().fetchedAt(), false));
            }
        }
        return Optional.empty();
    }

    /** The end (exclusive, epoch seconds) of the bar starts whose bars have finished by now. */
    private long finishedBefore(String symbol, AssetClass assetClass, BarInterval interval) {
        Instant now = clock.instant();
        if (interval.isIntraday()) {
            return now.getEpochSecond() - interval.seconds() + 1;
        }
        if (assetClass == AssetClass.MACRO) {
            // A macro value is final once published: today's, if there is one, counts.
            return LocalDate.ofInstant(now, ZoneOffset.UTC)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toEpochSecond();
        }
        ExchangeCalendar calendar = ExchangeCalendar.of(symbol, assetClass);
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        LocalDate lastFinished = calendar.sessionEnded(today, now) ? today : today.minusDays(1);
        return lastFinished.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private void scoreCompleteness(
            String symbol, AssetClass assetClass, BarInterval interval, long[] gap, OhlcvSeries bars, String provider) {
        if (interval != BarInterval.ONE_DAY || assetClass == AssetClass.MACRO) {
            return;
        }
        ExchangeCalendar calendar = ExchangeCalendar.of(symbol, assetClass);
        long expected = 0;
        for (LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(gap[0]), ZoneOffset.UTC);
                day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() < gap[1];
                day = day.plusDays(1)) {
            if (calendar.isTradingDay(day)) {
                expected++;
            }
        }
        if (expected > 0) {
            double share = (double) bars.size() / expected;
            arbitrator.provider(provider).ifPresent(p -> p.score().completeness(share));
        }
    }

    private static long stepBack(BarInterval interval) {
        return interval.isIntraday() ? interval.seconds() : 86_400;
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another node's fetch", e);
        }
    }
}
