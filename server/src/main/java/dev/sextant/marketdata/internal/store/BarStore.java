package dev.sextant.marketdata.internal.store;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.events.BarsStored;
import dev.sextant.marketdata.events.MarketDataEvents;
import dev.sextant.platform.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored bars, point in time: writes only add rows, and a read answers, for each bar, the latest
 * value known at the moment asked ({@code asOf}), so history is never rewritten under a backtest.
 * Bars live in a scope: {@link #PUBLIC} for data any user may see, {@code user:<id>} for data one
 * user's own key bought. Coverage records which span of bars a scope holds, so a span is fetched
 * from a provider once. Every write that stores anything publishes {@link BarsStored} once it commits.
 */
@Repository
public class BarStore {

    public static final String PUBLIC = "public";

    /** The prefix of a scope of one user's data, {@code user:<id>}. */
    private static final String USER_SCOPE = "user:";

    /** asOf for "every version there is", when taking a snapshot. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** What a write did: bars new to the store, and bars whose values were restated. */
    /** @param knownAt the moment the written versions are stamped with, to the microsecond the databases keep */
    public record Written(int added, int restated, Instant knownAt) {}

    /**
     * The span of bars a scope holds: starts in {@code [firstTime, endTime)}, epoch seconds.
     *
     * @param fetchedAt when its end was last brought up to date
     */
    public record Coverage(long firstTime, long endTime, Instant fetchedAt, String provider) {
        public boolean covers(long from, long to) {
            return firstTime <= from && to <= endTime;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final BarSnapshots snapshots;
    private final MarketDataEvents events;

    BarStore(JdbcClient jdbc, JdbcTemplate batch, BarSnapshots snapshots, MarketDataEvents events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.snapshots = snapshots;
        this.events = events;
    }

    /** Stores public bars known now; see {@link #write(String, BarInterval, String, OhlcvSeries, String, Instant)}. */
    public Written write(String symbol, BarInterval interval, OhlcvSeries bars, String provider, Instant knownAt) {
        return write(symbol, interval, PUBLIC, bars, provider, knownAt);
    }

    /** Stores bars known now; bars identical to what is already known add nothing. */
    @Transactional
    public Written write(
            String symbol, BarInterval interval, String scope, OhlcvSeries bars, String provider, Instant knownAt) {
        Instant asked = knownAt.truncatedTo(ChronoUnit.MICROS);
        if (bars.isEmpty()) {
            return new Written(0, 0, asked);
        }
        Instant[] newest = {Instant.EPOCH};
        OhlcvSeries known = rows(symbol, interval, scope, bars.time(0), bars.time(bars.size() - 1) + 1, asked, newest);
        Instant stamp = newest[0].isBefore(asked) ? asked : newest[0].plus(1, ChronoUnit.MICROS);
        Map<Long, Integer> knownIndex = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            knownIndex.put(known.time(i), i);
        }
        int added = 0;
        int restated = 0;
        List<Object[]> rows = new ArrayList<>();
        Timestamp knownAtTimestamp = Timestamp.from(asked);
        List<Object[]> sameInstant = new ArrayList<>();
        long firstWritten = 0;
        long lastWritten = 0;
        for (int i = 0; i < bars.size(); i++) {
            Integer previous = knownIndex.get(bars.time(i));
            if (previous != null && same(known, previous, bars, i)) {
                continue;
            }
            if (previous == null) {
                added++;
            } else {
                restated++;
                sameInstant.add(new Object[] {symbol, interval.code(), scope, bars.time(i), knownAtTimestamp});
            }
            if (rows.isEmpty()) {
                firstWritten = bars.time(i);
            }
            lastWritten = bars.time(i);
            rows.add(new Object[] {
                symbol,
                interval.code(),
                scope,
                bars.time(i),
                knownAtTimestamp,
                bars.open(i),
                bars.high(i),
                bars.low(i),
                bars.close(i),
                bars.volume(i),
                provider
            });
        }
        if (rows.isEmpty()) {
            return new Written(0, 0, asked);
        }
        // A restatement known at the very instant of the version it restates replaces that version:
        // both were known at once, and the later word wins (rather than a duplicate-key failure).
        if (!sameInstant.isEmpty()) {
            batch.batchUpdate(
                    "DELETE FROM bar WHERE symbol = ? AND bar_interval = ? AND scope = ? AND bar_time = ? "
                            + "AND known_at = ?",
                    sameInstant);
        }
        batch.batchUpdate(
                "INSERT INTO bar (symbol, bar_interval, scope, bar_time, known_at, open_price, high_price, low_price, "
                        + "close_price, volume, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        snapshots.written(symbol, interval, scope);
        Optional<UserId> keyOwner = keyOwnerOf(scope);
        // Bars of a scope that is neither public nor a user's are nobody's news.
        if (PUBLIC.equals(scope) || keyOwner.isPresent()) {
            events.publish(new BarsStored(
                    symbol,
                    interval,
                    Instant.ofEpochSecond(firstWritten),
                    Instant.ofEpochSecond(lastWritten),
                    rows.size(),
                    added,
                    restated,
                    provider,
                    asked,
                    keyOwner));
        }
        return new Written(added, restated, asked);
    }

    /** Public bars; see {@link #read(String, BarInterval, String, long, long, Instant)}. */
    public OhlcvSeries read(
            String symbol, BarInterval interval, long fromEpochSecond, long toEpochSecond, Instant asOf) {
        return read(symbol, interval, PUBLIC, fromEpochSecond, toEpochSecond, asOf);
    }

    /**
     * Bars starting in {@code [fromEpochSecond, toEpochSecond)}, each as known at {@code asOf}: for
     * days and longer from the series' snapshot when it is current and asOf is not before what it
     * holds (taking one when there is none), otherwise from the bar rows.
     */
    public OhlcvSeries read(
            String symbol, BarInterval interval, String scope, long fromEpochSecond, long toEpochSecond, Instant asOf) {
        if (BarSnapshots.kept(interval)) {
            switch (snapshots.lookup(symbol, interval, scope, asOf)) {
                case BarSnapshots.Lookup.Serves(OhlcvSeries bars) -> {
                    return bars.between(fromEpochSecond, toEpochSecond);
                }
                case BarSnapshots.Lookup.TooNew() -> {}
                case BarSnapshots.Lookup.Missing() -> {
                    BarSnapshots.Snapshot taken = takeSnapshot(symbol, interval, scope);
                    if (!asOf.isBefore(taken.knownThrough())) {
                        return taken.bars().between(fromEpochSecond, toEpochSecond);
                    }
                }
            }
        }
        return rows(symbol, interval, scope, fromEpochSecond, toEpochSecond, asOf);
    }

    private BarSnapshots.Snapshot takeSnapshot(String symbol, BarInterval interval, String scope) {
        // The version first: a write landing after it makes this snapshot one that is never served.
        long version = snapshots.version(symbol, interval, scope);
        Instant[] newest = {Instant.EPOCH};
        OhlcvSeries all = rows(symbol, interval, scope, Long.MIN_VALUE, Long.MAX_VALUE, END_OF_TIME, newest);
        BarSnapshots.Snapshot snapshot = new BarSnapshots.Snapshot(version, newest[0], all);
        if (!all.isEmpty()) {
            snapshots.storeLater(symbol, interval, scope, snapshot);
        }
        return snapshot;
    }

    private OhlcvSeries rows(
            String symbol, BarInterval interval, String scope, long fromEpochSecond, long toEpochSecond, Instant asOf) {
        return rows(symbol, interval, scope, fromEpochSecond, toEpochSecond, asOf, new Instant[] {Instant.EPOCH});
    }

    /**
     * The bar rows' answer to {@link #read}: every version known at asOf, keeping the latest;
     * {@code newest[0]} ends as the newest {@code known_at} among the rows read.
     */
    private OhlcvSeries rows(
            String symbol,
            BarInterval interval,
            String scope,
            long fromEpochSecond,
            long toEpochSecond,
            Instant asOf,
            Instant[] newest) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(256);
        // Versions of a bar come oldest first: the last one read for a time is the one known at asOf.
        var current = new Object() {
            boolean held;
            long time;
            double open, high, low, close, volume;

            void flushTo(OhlcvSeries.Builder bars) {
                if (held) {
                    bars.add(time, open, high, low, close, volume);
                }
            }
        };
        jdbc.sql("SELECT bar_time, open_price, high_price, low_price, close_price, volume, known_at FROM bar "
                        + "WHERE symbol = ? AND bar_interval = ? AND scope = ? AND bar_time >= ? AND bar_time < ? "
                        + "AND known_at <= ? ORDER BY bar_time, known_at")
                .params(symbol, interval.code(), scope, fromEpochSecond, toEpochSecond, Timestamp.from(asOf))
                .query(row -> {
                    long time = row.getLong(1);
                    if (current.held && time != current.time) {
                        current.flushTo(builder);
                    }
                    current.held = true;
                    current.time = time;
                    current.open = row.getDouble(2);
                    current.high = row.getDouble(3);
                    current.low = row.getDouble(4);
                    current.close = row.getDouble(5);
                    current.volume = row.getDouble(6);
                    Instant knownAt = row.getTimestamp(7).toInstant();
                    if (knownAt.isAfter(newest[0])) {
                        newest[0] = knownAt;
                    }
                });
        current.flushTo(builder);
        return builder.build();
    }

    public Optional<Coverage> coverage(String symbol, BarInterval interval, String scope) {
        return jdbc.sql("SELECT first_time, end_time, fetched_at, provider FROM bar_coverage "
                        + "WHERE symbol = ? AND bar_interval = ? AND scope = ?")
                .params(symbol, interval.code(), scope)
                .query((row, n) -> new Coverage(
                        row.getLong(1), row.getLong(2), row.getTimestamp(3).toInstant(), row.getString(4)))
                .optional();
    }

    /** Records the span a scope now holds (the union with what it held: callers only extend it). */
    @Transactional
    public void cover(String symbol, BarInterval interval, String scope, Coverage coverage) {
        int updated = jdbc.sql("UPDATE bar_coverage SET first_time = ?, end_time = ?, fetched_at = ?, provider = ? "
                        + "WHERE symbol = ? AND bar_interval = ? AND scope = ?")
                .params(
                        coverage.firstTime(),
                        coverage.endTime(),
                        Timestamp.from(coverage.fetchedAt()),
                        coverage.provider(),
                        symbol,
                        interval.code(),
                        scope)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO bar_coverage (symbol, bar_interval, scope, first_time, end_time, fetched_at, provider) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            symbol,
                            interval.code(),
                            scope,
                            coverage.firstTime(),
                            coverage.endTime(),
                            Timestamp.from(coverage.fetchedAt()),
                            coverage.provider())
                    .update();
        }
    }

    private static boolean same(OhlcvSeries a, int i, OhlcvSeries b, int j) {
        return a.open(i) == b.open(j)
                && a.high(i) == b.high(j)
                && a.low(i) == b.low(j)
                && a.close(i) == b.close(j)
                && a.volume(i) == b.volume(j);
    }

    /** The user whose own key bought a scope's bars, {@code user:<id>}; none for any other scope. */
    private static Optional<UserId> keyOwnerOf(String scope) {
        if (!scope.startsWith(USER_SCOPE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserId(UUID.fromString(scope.substring(USER_SCOPE.length()))));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
