package dev.sextant.marketdata.internal.live;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.marketdata.internal.provider.ProviderProfile;
import dev.sextant.marketdata.internal.provider.ProviderQuote;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory provider for arbitration tests: answers a fixed price, or fails the way it is told
 * to, and counts the calls that reached it.
 */
final class FakeProvider implements MarketDataProvider {

    private final ProviderProfile profile;
    private volatile double price;
    private volatile ProviderFailure.Kind failure;
    private volatile long delayMillis;
    final AtomicInteger calls = new AtomicInteger();

    FakeProvider(String id, double trust, double price) {
        this(id, trust, price, false, DataLicence.SHARED);
    }

    FakeProvider(String id, double trust, double price, boolean needsKey, DataLicence licence) {
        this.profile = new ProviderProfile(
                id,
                "fake " + id,
                EnumSet.of(AssetClass.EQUITY),
                EnumSet.of(BarInterval.ONE_DAY),
                EnumSet.of(ProviderProfile.Capability.QUOTES, ProviderProfile.Capability.BARS),
                10,
                needsKey,
                ProviderProfile.RateLimit.perMinute(10_000),
                licence,
                trust);
        this.price = price;
    }

    FakeProvider failingWith(ProviderFailure.Kind kind) {
        this.failure = kind;
        return this;
    }

    FakeProvider healthy() {
        this.failure = null;
        return this;
    }

    FakeProvider slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    @Override
    public ProviderProfile profile() {
        return profile;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return symbol.startsWith("NOT") ? Optional.empty() : Optional.of(symbol);
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        calls.incrementAndGet();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderFailure(id(), ProviderFailure.Kind.UNAVAILABLE, "interrupted");
            }
        }
        if (failure != null) {
            throw new ProviderFailure(id(), failure, "told to fail");
        }
        return new ProviderQuote(symbol, price, price, "USD", Instant.parse("2025-06-11T14:59:00Z"));
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        calls.incrementAndGet();
        if (failure != null) {
            throw new ProviderFailure(id(), failure, "told to fail");
        }
        OhlcvSeries.Builder bars = OhlcvSeries.builder(16);
        for (long t = from.getEpochSecond(); t < to.getEpochSecond(); t += 86_400) {
            bars.add(t, price, price + 1, price - 1, price, 1000);
        }
        return bars.build();
    }
}
