package dev.sextant.marketdata.internal.store;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import jakarta.annotation.PreDestroy;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whole daily-or-longer bar series kept as one compact row each ({@code bar_snapshot}): the
 * latest value of every bar, so that years of history for hundreds of symbols are read as
 * hundreds of rows, not hundreds of thousands. A snapshot is only a faster copy of the bar rows:
 * it is used while no write has touched its series since it was taken (the series' version in
 * {@code bar_series_version}, bumped by every write in its transaction) and for readers asking as
 * of its newest {@code known_at} or later; otherwise the rows answer.
 */
@Component
class BarSnapshots {

    private static final Logger log = LoggerFactory.getLogger(BarSnapshots.class);

    /** A series' latest bars as of {@code knownThrough}, taken at a version of the series. */
    record Snapshot(long version, Instant knownThrough, OhlcvSeries bars) {}

    private final JdbcClient jdbc;
    /**
     * Stores snapshots after the read that took them has answered: each store is a commit, and a
     * reader should not wait for one. One writer, a bounded queue; when it is full a snapshot is
     * dropped, to be taken again by a later read.
     */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1_000),
            Thread.ofVirtual().name("bar-snapshot-writer").factory());

    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    BarSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Only series of days or longer: they are what long histories are read in, and stay small. */
    static boolean kept(BarInterval interval) {
        return !interval.isIntraday();
    }

    /** What the stored snapshot of a series can do for a read as of a moment. */
    sealed interface Lookup {
        /** It answers the read. */
        record Serves(OhlcvSeries bars) implements Lookup {}

        /** It is current but holds values learned after the moment asked: the rows answer. */
        record TooNew() implements Lookup {}

        /** There is none, or a write has made it stale: take one. */
        record Missing() implements Lookup {}
    }

    /**
     * The series' snapshot for a read as of {@code asOf}. Its bars leave the database only when
     * they can serve: a read of the past (a backtest) neither transfers nor decodes them.
     */
    Lookup lookup(String symbol, BarInterval interval, String scope, Instant asOf) {
        record Stored(long taken, long current, int count, byte[] bars) {}
        return jdbc.sql("SELECT s.version, v.version, s.bar_count, "
                        + "CASE WHEN s.known_through <= ? THEN s.bars END FROM bar_snapshot s "
                        + "LEFT JOIN bar_series_version v ON v.symbol = s.symbol AND v.bar_interval = s.bar_interval "
                        + "AND v.scope = s.scope WHERE s.symbol = ? AND s.bar_interval = ? AND s.scope = ?")
                .params(Timestamp.from(asOf), symbol, interval.code(), scope)
                // A series never written has no version row: version 0 (getLong's value for NULL).
                .query((row, n) -> new Stored(row.getLong(1), row.getLong(2), row.getInt(3), row.getBytes(4)))
                .optional()
                .filter(stored -> stored.taken() == stored.current())
                .<Lookup>map(stored -> stored.bars() == null
                        ? new Lookup.TooNew()
                        : new Lookup.Serves(decode(stored.count(), stored.bars())))
                .orElseGet(Lookup.Missing::new);
    }

    /** The series' version now: read before its rows, so a write in between leaves the snapshot unused. */
    long version(String symbol, BarInterval interval, String scope) {
        return jdbc.sql("SELECT version FROM bar_series_version WHERE symbol = ? AND bar_interval = ? AND scope = ?")
                .params(symbol, interval.code(), scope)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Stores the snapshot soon, on the writer thread; one store per series waits at a time. */
    void storeLater(String symbol, BarInterval interval, String scope, Snapshot snapshot) {
        String key = symbol + "|" + interval.code() + "|" + scope;
        if (!queued.add(key)) {
            return;
        }
        try {
            writer.execute(() -> {
                try {
                    store(symbol, interval, scope, snapshot);
                } catch (RuntimeException failed) {
                    log.warn("A bar snapshot of {} could not be stored: {}", symbol, failed.getMessage());
                } finally {
                    queued.remove(key);
                }
            });
        } catch (RejectedExecutionException full) {
            queued.remove(key);
        }
    }

    /** Whether snapshots wait to be stored (for tests and benchmarks that read them back). */
    boolean storing() {
        return !queued.isEmpty();
    }

    /**
     * Stores a snapshot, replacing the one before: an update, or an insert for a first snapshot.
     * (Not a MERGE from a VALUES list: H2 types such a list's binary parameter as text.)
     */
    void store(String symbol, BarInterval interval, String scope, Snapshot snapshot) {
        byte[] bars = encode(snapshot.bars());
        Timestamp knownThrough = Timestamp.from(snapshot.knownThrough());
        int updated = jdbc.sql("UPDATE bar_snapshot SET version = ?, known_through = ?, bar_count = ?, bars = ? "
                        + "WHERE symbol = ? AND bar_interval = ? AND scope = ?")
                .params(snapshot.version(), knownThrough, snapshot.bars().size(), bars, symbol, interval.code(), scope)
                .update();
        if (updated > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO bar_snapshot (symbol, bar_interval, scope, version, known_through, bar_count, bars) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            symbol,
                            interval.code(),
                            scope,
                            snapshot.version(),
                            knownThrough,
                            snapshot.bars().size(),
                            bars)
                    .update();
        } catch (DataIntegrityViolationException concurrentlyStored) {
            // Another node stored the first snapshot of this series at the same moment; either serves.
        }
    }

    /** Marks a write to the series; call in the write's transaction. */
    void written(String symbol, BarInterval interval, String scope) {
        jdbc.sql("MERGE INTO bar_series_version v USING (VALUES (?, ?, ?)) AS w (symbol, bar_interval, scope) "
                        + "ON v.symbol = w.symbol AND v.bar_interval = w.bar_interval AND v.scope = w.scope "
                        + "WHEN MATCHED THEN UPDATE SET version = v.version + 1 "
                        + "WHEN NOT MATCHED THEN INSERT (symbol, bar_interval, scope, version) "
                        + "VALUES (w.symbol, w.bar_interval, w.scope, 1)")
                .params(symbol, interval.code(), scope)
                .update();
    }

    /** Times, then opens, highs, lows, closes and volumes, each a column of fixed-width numbers. */
    static byte[] encode(OhlcvSeries bars) {
        int n = bars.size();
        ByteBuffer buffer = ByteBuffer.allocate(n * 48);
        for (int i = 0; i < n; i++) {
            buffer.putLong(bars.time(i));
        }
        List<IntToDoubleFunction> columns = List.of(bars::open, bars::high, bars::low, bars::close, bars::volume);
        for (IntToDoubleFunction column : columns) {
            for (int i = 0; i < n; i++) {
                buffer.putDouble(column.applyAsDouble(i));
            }
        }
        return buffer.array();
    }

    static OhlcvSeries decode(int n, byte[] bytes) {
        if (bytes.length != n * 48) {
            throw new IllegalStateException("a bar snapshot of " + n + " bars has " + bytes.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] times = new long[n];
        buffer.asLongBuffer().get(times);
        double[][] columns = new double[5][n];
        for (int c = 0; c < 5; c++) {
            buffer.position(n * 8 * (c + 1));
            buffer.asDoubleBuffer().get(columns[c]);
        }
        return OhlcvSeries.ofUnsafe(times, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }
}
