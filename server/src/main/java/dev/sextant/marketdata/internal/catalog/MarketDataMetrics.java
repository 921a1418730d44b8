package dev.sextant.marketdata.internal.catalog;

import dev.sextant.marketdata.internal.live.FreshCache;
import dev.sextant.marketdata.internal.live.GuardedProvider;
import dev.sextant.marketdata.internal.live.LivePrices;
import dev.sextant.marketdata.internal.live.LiveQuote;
import dev.sextant.marketdata.internal.live.ProviderScore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of market data, on {@code /metrics}: per provider its calls, time spent,
 * failures and circuit state; per cache its hits, misses and size. Read from the counters the
 * guards and caches keep anyway, when Prometheus scrapes, so the request path pays nothing.
 */
@Component
class MarketDataMetrics implements MeterBinder {

    private final LivePrices live;
    private final CatalogMarketData catalog;

    MarketDataMetrics(LivePrices live, CatalogMarketData catalog) {
        this.live = live;
        this.catalog = catalog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (GuardedProvider provider : live.arbitrator().providers()) {
            ProviderScore score = provider.score();
            FunctionTimer.builder(
                            "sextant.provider.calls",
                            score,
                            ProviderScore::calls,
                            ProviderScore::totalMillis,
                            TimeUnit.MILLISECONDS)
                    .description("Calls that reached a market-data provider, and the time they took")
                    .tag("provider", provider.id())
                    .register(registry);
            FunctionCounter.builder("sextant.provider.failures", score, ProviderScore::failures)
                    .description("Provider calls that failed: unreachable, rate-limited or bad data")
                    .tag("provider", provider.id())
                    .register(registry);
            Gauge.builder("sextant.provider.circuit.open", provider, p -> circuitLevel(p.circuitState()))
                    .description("The provider's circuit: 0 closed, 0.5 half-open, 1 open")
                    .tag("provider", provider.id())
                    .register(registry);
        }
        catalog.caches().forEach((name, cache) -> CaffeineCacheMetrics.monitor(registry, cache, name));
        FreshCache<LiveQuote> quotes = live.quoteCache();
        String name = quotes.stats().name();
        FunctionCounter.builder(
                        "sextant.quote.cache.hits", quotes, q -> q.stats().hits())
                .tag("cache", name)
                .register(registry);
        FunctionCounter.builder(
                        "sextant.quote.cache.stale.hits", quotes, q -> q.stats().staleHits())
                .tag("cache", name)
                .register(registry);
        FunctionCounter.builder(
                        "sextant.quote.cache.misses", quotes, q -> q.stats().misses())
                .tag("cache", name)
                .register(registry);
        Gauge.builder("sextant.quote.cache.hit.ratio", quotes, q -> q.stats().hitRatio())
                .tag("cache", name)
                .register(registry);
    }

    private static double circuitLevel(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 0.5;
            default -> 0;
        };
    }
}
