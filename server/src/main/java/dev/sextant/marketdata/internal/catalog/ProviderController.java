package dev.sextant.marketdata.internal.catalog;

import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.internal.live.FreshCache;
import dev.sextant.marketdata.internal.live.GuardedProvider;
import dev.sextant.marketdata.internal.live.LivePrices;
import dev.sextant.marketdata.internal.live.ProviderScore;
import dev.sextant.marketdata.internal.provider.ProviderProfile;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The providers' live state for administrators: scores, circuits, budgets; and the caches' hit ratios. */
@RestController
@Tag(name = "Market data")
@PreAuthorize("hasRole('ADMIN')")
@RequiresScope(Scope.ADMIN)
class ProviderController {

    private final LivePrices live;
    private final CatalogMarketData catalog;

    ProviderController(LivePrices live, CatalogMarketData catalog) {
        this.live = live;
        this.catalog = catalog;
    }

    record ProviderStatus(
            String id,
            String description,
            List<String> assetClasses,
            List<String> intervals,
            List<String> capabilities,
            boolean needsKey,
            String licence,
            ProviderProfile.RateLimit rateLimit,
            int requestsLeft,
            String circuit,
            double failureRate,
            ProviderScore.Snapshot score) {}

    record CacheStatus(
            String name,
            long hits,
            long staleHits,
            long sharedHits,
            long misses,
            long failures,
            long size,
            double hitRatio) {}

    record ProvidersResponse(List<ProviderStatus> providers, List<CacheStatus> caches, boolean sharedCache) {}

    @GetMapping(path = "/api/v1/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enabled providers with scores, circuit states and budgets; cache hit ratios (admin)")
    ProvidersResponse providers() {
        List<ProviderStatus> providers = new ArrayList<>();
        for (GuardedProvider guarded : live.arbitrator().providers()) {
            ProviderProfile profile = guarded.profile();
            providers.add(new ProviderStatus(
                    profile.id(),
                    profile.description(),
                    profile.assetClasses().stream().map(Enum::name).sorted().toList(),
                    profile.intervals().stream().map(i -> i.code()).sorted().toList(),
                    profile.capabilities().stream()
                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                            .sorted()
                            .toList(),
                    profile.needsKey(),
                    profile.licence().name().toLowerCase(Locale.ROOT),
                    guarded.budget(),
                    guarded.availableRequests(),
                    guarded.circuitState().name().toLowerCase(Locale.ROOT),
                    guarded.failureRate() < 0 ? 0 : guarded.failureRate(),
                    guarded.score().snapshot()));
        }
        List<CacheStatus> caches = new ArrayList<>();
        FreshCache.Stats quotes = live.quoteCache().stats();
        caches.add(new CacheStatus(
                quotes.name(),
                quotes.hits(),
                quotes.staleHits(),
                quotes.sharedHits(),
                quotes.misses(),
                quotes.failures(),
                quotes.size(),
                quotes.hitRatio()));
        catalog.caches().forEach((name, cache) -> {
            var stats = cache.stats();
            caches.add(new CacheStatus(
                    name,
                    stats.hitCount(),
                    0,
                    0,
                    stats.missCount(),
                    stats.loadFailureCount(),
                    cache.estimatedSize(),
                    Math.round(stats.hitRate() * 1000) / 1000.0));
        });
        return new ProvidersResponse(providers, caches, live.sharedCache());
    }
}
