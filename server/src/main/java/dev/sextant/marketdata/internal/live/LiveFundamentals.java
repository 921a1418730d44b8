package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.internal.provider.FundamentalFact;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.marketdata.internal.store.FundamentalStore;
import dev.sextant.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Company fundamentals from the providers that report them (SEC EDGAR), kept point in time in the
 * fact store and refreshed at most daily per symbol. The fetch goes through a {@link FreshCache},
 * so concurrent first requests (on one node or, with Redis, several) share one download. Only
 * shared-licence providers are asked: the fact store is common to all users.
 */
public final class LiveFundamentals {

    static final Duration REFRESH_AFTER = Duration.ofDays(1);

    /** The marker the fetch cache holds: who delivered a symbol's facts, and when. */
    record Fetched(String provider, Instant fetchedAt) {}

    private final Arbitrator arbitrator;
    private final FundamentalStore store;
    private final FreshCache<Fetched> fetches;
    private final Clock clock;

    LiveFundamentals(Arbitrator arbitrator, FundamentalStore store, FreshCache<Fetched> fetches, Clock clock) {
        this.arbitrator = arbitrator;
        this.store = store;
        this.fetches = fetches;
        this.clock = clock;
    }

    public Fundamentals fundamentals(Instrument instrument, LocalDate asOf, Set<String> concepts) {
        String symbol = instrument.symbol();
        if (instrument.assetClass() != AssetClass.EQUITY) {
            throw new DomainException(
                    MarketDataRefusals.NO_DATA,
                    symbol + " is " + instrument.assetClass().name().toLowerCase(java.util.Locale.ROOT)
                            + ": fundamentals are reported by companies (equities) only.",
                    Map.of("symbol", symbol));
        }
        Optional<FundamentalStore.Fetch> held = store.lastFetch(symbol);
        Fetched fetched;
        try {
            fetched = fetches.get(
                            "fundamentals:" + symbol,
                            () -> fetch(symbol),
                            marker -> new FreshCache.Freshness(
                                    marker.fetchedAt().plus(REFRESH_AFTER),
                                    marker.fetchedAt().plus(Duration.ofDays(7))))
                    .value();
        } catch (NoProviderAnswered failure) {
            if (held.isEmpty()) {
                throw failure.notFound()
                        ? new DomainException(
                                MarketDataRefusals.NO_DATA,
                                "No provider reports fundamentals for " + symbol
                                        + (arbitrator.anyCan(Capability.FUNDAMENTALS, symbol, AssetClass.EQUITY)
                                                ? "."
                                                : "; enable one (SEXTANT_PROVIDERS_ENABLED=...,edgar)."),
                                Map.of("symbol", symbol))
                        : new DomainException(
                                MarketDataRefusals.UPSTREAM_UNAVAILABLE,
                                "No fundamentals provider could answer for " + symbol + " just now; try again shortly.",
                                Map.of("symbol", symbol, "providers", failure.outcomes()),
                                LivePrices.RETRY_AFTER);
            }
            fetched = new Fetched(held.get().provider(), held.get().fetchedAt());
        }
        List<Fundamentals.Fact> facts = store.read(symbol, asOf, concepts);
        return new Fundamentals(symbol, fetched.provider(), false, asOf, fetched.fetchedAt(), facts);
    }

    private Fetched fetch(String symbol) {
        Optional<FundamentalStore.Fetch> last = store.lastFetch(symbol);
        Instant now = clock.instant();
        if (last.isPresent() && last.get().fetchedAt().plus(REFRESH_AFTER).isAfter(now)) {
            return new Fetched(last.get().provider(), last.get().fetchedAt());
        }
        Arbitrator.Answer<List<FundamentalFact>> answer = arbitrator.first(
                Capability.FUNDAMENTALS,
                symbol,
                AssetClass.EQUITY,
                null,
                "fundamentals for " + symbol,
                (provider, key) -> provider.fundamentals(symbol, key));
        store.write(symbol, answer.value(), answer.provider(), now);
        return new Fetched(answer.provider(), now);
    }
}
