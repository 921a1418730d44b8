package dev.sextant.marketdata.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.support.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Snapshots only make reads faster: whatever the writes, restatements and moments asked, the bar
 * store answers what the bar rows say, checked against an independent record of every write.
 */
@ServerTest
class BarSnapshotsTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long DAY = 86_400;

    @Autowired
    BarStore store;

    @Autowired
    BarSnapshots snapshots;

    @Autowired
    JdbcClient jdbc;

    /** One write as the test remembers it: bar time to close, known from {@code knownAt}. */
    private record Write(Instant knownAt, TreeMap<Long, Double> closes) {}

    private static OhlcvSeries bars(TreeMap<Long, Double> closes) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(closes.size());
        closes.forEach((time, close) -> builder.add(time, close, close + 1, close - 1, close, 10));
        return builder.build();
    }

    /** What the rows must answer: per bar time, the close of the latest write known at asOf. */
    private static TreeMap<Long, Double> expected(List<Write> writes, Instant asOf, long from, long to) {
        TreeMap<Long, Double> known = new TreeMap<>();
        for (Write write : writes) {
            if (!write.knownAt().isAfter(asOf)) {
                known.putAll(write.closes().subMap(from, to));
            }
        }
        return known;
    }

    @Test
    void test_readsAnswerWhatTheRowsSay_throughWritesRestatementsAndPastMoments() {
        String symbol = "SNAP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        SplittableRandom random = new SplittableRandom(11);
        List<Write> writes = new ArrayList<>();
        long first = 1_735_689_600L; // 2025-01-01
        for (int round = 0; round < 12; round++) {
            Instant knownAt = START.plus(Duration.ofHours(round * 7L));
            // New bars at the end, and now and then restated ones in the middle.
            TreeMap<Long, Double> closes = new TreeMap<>();
            int from = round == 0 ? 0 : random.nextInt(0, 20 * round);
            for (int day = from; day < 20 * (round + 1); day++) {
                closes.put(first + day * DAY, 100 + random.nextInt(0, 3) + day * 0.01);
            }
            store.write(symbol, BarInterval.ONE_DAY, "public", bars(closes), "test", knownAt);
            TreeMap<Long, Double> remembered = new TreeMap<>(closes);
            writes.add(new Write(knownAt, remembered));

            for (int ask = 0; ask < 6; ask++) {
                Instant asOf = START.plus(Duration.ofHours(random.nextInt(0, round * 7 + 8)));
                long low = first + random.nextInt(0, 20 * (round + 1)) * DAY;
                long high = low + random.nextInt(1, 300) * DAY;
                OhlcvSeries read = store.read(symbol, BarInterval.ONE_DAY, "public", low, high, asOf);
                TreeMap<Long, Double> answered = new TreeMap<>();
                for (int i = 0; i < read.size(); i++) {
                    answered.put(read.time(i), read.close(i));
                }
                assertThat(answered)
                        .as("round " + round + ", as of " + asOf + ", [" + low + ", " + high + ")")
                        .isEqualTo(expected(writes, asOf, low, high));
            }
        }
        awaitStored();
        assertThat(snapshots.lookup(symbol, BarInterval.ONE_DAY, "public", START.plus(Duration.ofDays(3650))))
                .as("reads as of now keep a current snapshot")
                .isInstanceOf(BarSnapshots.Lookup.Serves.class);
        assertThat(snapshots.lookup(symbol, BarInterval.ONE_DAY, "public", START))
                .as("a read of the first write's moment is the rows'")
                .isInstanceOf(BarSnapshots.Lookup.TooNew.class);
    }

    @Test
    void test_aSnapshotTakenBeforeAWrite_isNeverServed() {
        String symbol = "RACE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TreeMap<Long, Double> day = new TreeMap<>(java.util.Map.of(1_735_689_600L, 100.0));
        store.write(symbol, BarInterval.ONE_DAY, "public", bars(day), "test", START);
        long before = snapshots.version(symbol, BarInterval.ONE_DAY, "public");
        OhlcvSeries old = store.read(symbol, BarInterval.ONE_DAY, "public", 0, Long.MAX_VALUE, START);
        awaitStored();

        // A reader took its snapshot at `before`; a write lands; the slow reader stores it afterwards.
        TreeMap<Long, Double> restated = new TreeMap<>(java.util.Map.of(1_735_689_600L, 101.0));
        store.write(symbol, BarInterval.ONE_DAY, "public", bars(restated), "test", START.plusSeconds(60));
        snapshots.store(symbol, BarInterval.ONE_DAY, "public", new BarSnapshots.Snapshot(before, START, old));

        assertThat(snapshots.lookup(symbol, BarInterval.ONE_DAY, "public", START.plus(Duration.ofDays(3650))))
                .isInstanceOf(BarSnapshots.Lookup.Missing.class);
        assertThat(store.read(symbol, BarInterval.ONE_DAY, "public", 0, Long.MAX_VALUE, START.plusSeconds(60))
                        .close(0))
                .isEqualTo(101.0);
        awaitStored();
        assertThat(jdbc.sql("SELECT version FROM bar_snapshot WHERE symbol = ?")
                        .param(symbol)
                        .query(Long.class)
                        .single())
                .as("the read replaced the stale snapshot with a current one")
                .isEqualTo(before + 1);
    }

    private void awaitStored() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (snapshots.storing() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(snapshots.storing()).as("snapshots stored within 5 s").isFalse();
    }

    @Test
    void test_encoding_roundTripsEveryColumn() {
        OhlcvSeries bars = OhlcvSeries.builder(3)
                .add(-86_400, 1.5, 2.25, 1.0, 2.0, 0)
                .add(0, 2.0, 3.0, 1.75, 2.5, 123_456_789.125)
                .add(1_735_689_600L, 1e-8, 3e-8, 1e-9, 2e-8, Double.MIN_VALUE)
                .build();

        OhlcvSeries decoded = BarSnapshots.decode(3, BarSnapshots.encode(bars));

        for (int i = 0; i < 3; i++) {
            assertThat(new double[] {
                        decoded.time(i),
                        decoded.open(i),
                        decoded.high(i),
                        decoded.low(i),
                        decoded.close(i),
                        decoded.volume(i)
                    })
                    .containsExactly(
                            bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
    }
}
