package dev.sextant.marketdata.internal.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.sextant.platform.DependencyHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reports the market-data cache under {@code /health} as {@code cache}: where it lives, its size and hit ratio. */
@Component("cacheHealthIndicator")
class MarketDataCacheHealthIndicator extends DependencyHealthIndicator {

    private final CatalogMarketData marketData;

    MarketDataCacheHealthIndicator(CatalogMarketData marketData, Clock clock) {
        super(clock, Duration.ofSeconds(2));
        this.marketData = marketData;
    }

    @Override
    protected Map<String, Object> probe() {
        long entries = 0;
        long hits = 0;
        long requests = 0;
        for (Cache<?, ?> cache : marketData.caches().values()) {
            CacheStats stats = cache.stats();
            entries += cache.estimatedSize();
            hits += stats.hitCount();
            requests += stats.requestCount();
        }
        double hitRatio = requests == 0 ? 1.0 : Math.round(1000.0 * hits / requests) / 1000.0;
        return Map.of("type", "in-process", "entries", entries, "hitRatio", hitRatio);
    }
}
