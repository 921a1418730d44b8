package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.ProviderArticle;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.marketdata.internal.provider.ProviderProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory news provider for the news layer's tests: lists the articles it is given (those in
 * the asked range), or fails the way it is told to, and records every call and the key it came with.
 */
public final class FakeNewsProvider implements MarketDataProvider {

    private final ProviderProfile profile;
    private final List<ProviderArticle> articles = new CopyOnWriteArrayList<>();
    private volatile ProviderFailure.Kind failure;
    private volatile long delayMillis;
    public final AtomicInteger calls = new AtomicInteger();
    public final List<ProviderKey> keys = new CopyOnWriteArrayList<>();

    public FakeNewsProvider(String id, boolean needsKey, DataLicence licence) {
        this.profile = new ProviderProfile(
                id,
                "fake news " + id,
                EnumSet.of(AssetClass.EQUITY, AssetClass.ETF),
                Set.of(),
                EnumSet.of(ProviderProfile.Capability.NEWS),
                1,
                needsKey,
                ProviderProfile.RateLimit.perMinute(10_000),
                licence,
                0.8);
    }

    public FakeNewsProvider listing(ProviderArticle... more) {
        articles.addAll(List.of(more));
        return this;
    }

    public FakeNewsProvider failingWith(ProviderFailure.Kind kind) {
        this.failure = kind;
        return this;
    }

    public FakeNewsProvider healthy() {
        this.failure = null;
        return this;
    }

    public FakeNewsProvider slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return Optional.of(symbol);
    }

    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        calls.incrementAndGet();
        if (key != null) {
            keys.add(key);
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw new ProviderFailure(id(), failure, "told to fail");
        }
        List<ProviderArticle> listed = new ArrayList<>();
        for (ProviderArticle article : articles) {
            if (Set.copyOf(article.symbols()).contains(symbol)
                    && !article.publishedAt().isBefore(from)
                    && article.publishedAt().isBefore(to)
                    && listed.size() < limit) {
                listed.add(article);
            }
        }
        return listed;
    }
}
