package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One source of market data, speaking Sextant's canonical symbols ({@code AAPL}, {@code BTC-USD},
 * {@code ^GSPC}) and translating them to its own. Calls block (they run on virtual threads) and
 * fail with {@link ProviderFailure}; the arbitration around them adds timeouts, circuit breakers,
 * rate limits and caching, so an implementation only speaks its wire format.
 *
 * <p>{@code key} is null for keyless providers and for a keyed one when no key is available.
 */
public interface MarketDataProvider {

    ProviderProfile profile();

    default String id() {
        return profile().id();
    }

    /** The provider's own name for a canonical symbol, or empty when it does not carry it. */
    Optional<String> providerSymbol(String symbol, AssetClass assetClass);

    /**
     * The symbol itself for a US-listed stock or fund (no exchange suffix such as {@code SAP.DE}),
     * for the providers that carry only those; empty for anything else.
     */
    static Optional<String> usTicker(String symbol, AssetClass assetClass) {
        return (assetClass == AssetClass.EQUITY || assetClass == AssetClass.ETF) && !symbol.contains(".")
                ? Optional.of(symbol)
                : Optional.empty();
    }

    /** The provider's name for a symbol, or NOT_FOUND when it does not carry it. */
    default String requireSymbol(String symbol, AssetClass assetClass) {
        return providerSymbol(symbol, assetClass)
                .orElseThrow(
                        () -> new ProviderFailure(id(), ProviderFailure.Kind.NOT_FOUND, "does not carry " + symbol));
    }

    default ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        throw unsupported("quotes");
    }

    /** Finished and unfinished bars starting in {@code [from, to)}, oldest first. */
    default OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        throw unsupported("bars");
    }

    /**
     * True when {@link #search} answers from a list the adapter holds, without calling the provider:
     * such an answer says nothing of the provider's health, so it is not scored or guarded.
     */
    default boolean searchesLocally() {
        return false;
    }

    default List<ProviderListing> search(String text, ProviderKey key) {
        throw unsupported("search");
    }

    /**
     * The instruments this provider carries from a fixed list it holds (FRED's macro series), so they
     * can be served without a search; empty for a provider whose instruments are found by asking it.
     */
    default List<ProviderListing> catalogue() {
        return List.of();
    }

    default List<FundamentalFact> fundamentals(String symbol, ProviderKey key) {
        throw unsupported("fundamentals");
    }

    /**
     * Articles about {@code symbol} published in {@code [from, to)}, newest first, at most
     * {@code limit}. Providers that carry news override this.
     */
    default List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        throw unsupported("news");
    }

    private ProviderFailure unsupported(String what) {
        return new ProviderFailure(id(), ProviderFailure.Kind.NOT_FOUND, "does not serve " + what);
    }
}
