package dev.sextant.alerts.internal;

import dev.sextant.analytics.query.MetricHistory;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily bars alerts are evaluated on, read through the market-data face as their owner (so with
 * their rights and their own provider keys, never another user's) over the same history queries
 * use, and kept for {@code barsTtl}: a symbol ticking every 100 ms is not read again on every
 * tick, only its live price changes. Keyed by owner and symbol. Thread-safe.
 */
final class DailyBars {

    /** A symbol's bars as served, and how many sessions make its year (252, or 365 for crypto). */
    record Read(BarSeries bars, int sessionsPerYear, long readAtNanos) {}

    private record Key(UUID owner, String symbol) {}

    private final MarketDataService market;
    private final Clock clock;
    private final long ttlNanos;
    private final Map<Key, Read> reads = new ConcurrentHashMap<>();

    DailyBars(MarketDataService market, Clock clock, Duration ttl) {
        this.market = market;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
    }

    Read of(Caller caller, String symbol) {
        Key key = new Key(caller.user().value(), symbol);
        Read read = reads.get(key);
        long now = System.nanoTime();
        if (read != null && now - read.readAtNanos() < ttlNanos) {
            return read;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        BarSeries bars =
                market.bars(caller, new BarRequest(symbol, BarInterval.ONE_DAY, MetricHistory.from(today), today));
        AssetClass assetClass = market.instrument(caller, symbol)
                .map(instrument -> instrument.assetClass())
                .orElse(AssetClass.EQUITY);
        Read fresh = new Read(bars, assetClass == AssetClass.CRYPTO ? 365 : 252, now);
        reads.put(key, fresh);
        return fresh;
    }

    /** Forgets reads older than twice the TTL, so symbols no longer watched do not stay in memory. */
    void evictStale() {
        long now = System.nanoTime();
        reads.values().removeIf(read -> now - read.readAtNanos() > 2 * ttlNanos);
    }
}
