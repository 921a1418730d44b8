package dev.sextant.marketdata.internal;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored bars, point in time: writes only add rows, and a read answers, for each bar, the latest
 * value known at the moment asked ({@code asOf}), so history is never rewritten under a backtest.
 */
@Repository
class BarStore {

    /** What a write did: bars new to the store, and bars whose values were restated. */
    record Written(int added, int restated) {}

    private final JdbcClient jdbc;

    BarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bars known now; bars identical to what is already known add nothing. */
    Written write(String symbol, BarInterval interval, OhlcvSeries bars, String provider, Instant knownAt) {
        OhlcvSeries known = read(symbol, interval, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, knownAt);
        Map<Long, Integer> knownIndex = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            knownIndex.put(known.time(i), i);
        }
        int added = 0;
        int restated = 0;
        for (int i = 0; i < bars.size(); i++) {
            Integer previous = knownIndex.get(bars.time(i));
            if (previous != null && same(known, previous, bars, i)) {
                continue;
            }
            if (previous == null) {
                added++;
            } else {
                restated++;
            }
            jdbc.sql("INSERT INTO bar (symbol, bar_interval, bar_time, known_at, open_price, high_price, low_price, "
                            + "close_price, volume, provider) VALUES (:symbol, :interval, :time, :knownAt, :open, :high, "
                            + ":low, :close, :volume, :provider)")
                    .param("symbol", symbol)
                    .param("interval", interval.code())
                    .param("time", Timestamp.from(Instant.ofEpochSecond(bars.time(i))))
                    .param("knownAt", Timestamp.from(knownAt))
                    .param("open", bars.open(i))
                    .param("high", bars.high(i))
                    .param("low", bars.low(i))
                    .param("close", bars.close(i))
                    .param("volume", bars.volume(i))
                    .param("provider", provider)
                    .update();
        }
        return new Written(added, restated);
    }

    /** Bars starting in {@code [fromEpochSecond, toEpochSecond)}, each as known at {@code asOf}. */
    OhlcvSeries read(String symbol, BarInterval interval, long fromEpochSecond, long toEpochSecond, Instant asOf) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(256);
        jdbc.sql("SELECT b.bar_time, b.open_price, b.high_price, b.low_price, b.close_price, b.volume FROM bar b "
                        + "WHERE b.symbol = :symbol AND b.bar_interval = :interval AND b.bar_time >= :from "
                        + "AND b.bar_time < :to AND b.known_at = (SELECT MAX(k.known_at) FROM bar k "
                        + "WHERE k.symbol = b.symbol AND k.bar_interval = b.bar_interval AND k.bar_time = b.bar_time "
                        + "AND k.known_at <= :asOf) ORDER BY b.bar_time")
                .param("symbol", symbol)
                .param("interval", interval.code())
                .param("from", Timestamp.from(Instant.ofEpochSecond(Math.max(fromEpochSecond, -62135596800L))))
                .param("to", Timestamp.from(Instant.ofEpochSecond(Math.min(toEpochSecond, 253402300799L))))
                .param("asOf", Timestamp.from(asOf))
                .query((row, n) -> {
                    builder.add(
                            row.getTimestamp("bar_time").toInstant().getEpochSecond(),
                            row.getDouble("open_price"),
                            row.getDouble("high_price"),
                            row.getDouble("low_price"),
                            row.getDouble("close_price"),
                            row.getDouble("volume"));
                    return n;
                })
                .list();
        return builder.build();
    }

    private static boolean same(OhlcvSeries a, int i, OhlcvSeries b, int j) {
        return a.open(i) == b.open(j)
                && a.high(i) == b.high(j)
                && a.low(i) == b.low(j)
                && a.close(i) == b.close(j)
                && a.volume(i) == b.volume(j);
    }
}
