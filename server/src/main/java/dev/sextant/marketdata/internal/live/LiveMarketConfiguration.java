package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.events.MarketDataEvents;
import dev.sextant.marketdata.internal.provider.AlphaVantageProvider;
import dev.sextant.marketdata.internal.provider.BinanceProvider;
import dev.sextant.marketdata.internal.provider.CoinGeckoProvider;
import dev.sextant.marketdata.internal.provider.CompanyNames;
import dev.sextant.marketdata.internal.provider.EdgarProvider;
import dev.sextant.marketdata.internal.provider.FinnhubProvider;
import dev.sextant.marketdata.internal.provider.FmpProvider;
import dev.sextant.marketdata.internal.provider.FredProvider;
import dev.sextant.marketdata.internal.provider.GdeltProvider;
import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.NewsApiProvider;
import dev.sextant.marketdata.internal.provider.PolygonProvider;
import dev.sextant.marketdata.internal.provider.ProviderHttp;
import dev.sextant.marketdata.internal.provider.ProviderProfile;
import dev.sextant.marketdata.internal.provider.RssFeedProvider;
import dev.sextant.marketdata.internal.provider.StooqProvider;
import dev.sextant.marketdata.internal.provider.YahooProvider;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.marketdata.internal.store.FundamentalStore;
import dev.sextant.vault.Vault;
import io.lettuce.core.RedisClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the real providers that {@code SEXTANT_PROVIDERS_ENABLED} names, in that order (the
 * arbitration's tie-break), behind their guards, the arbitration, the quote cache (shared through
 * Redis when {@code SEXTANT_REDIS_URL} is set) and the bar store.
 */
@Configuration(proxyBeanMethods = false)
class LiveMarketConfiguration {

    /** Every provider Sextant knows, by id, built from the settings. */
    static Map<String, Function<ProvidersProperties, MarketDataProvider>> catalog(
            ProviderHttp http, Clock clock, CompanyNames names) {
        Map<String, Function<ProvidersProperties, MarketDataProvider>> all = new LinkedHashMap<>();
        all.put(YahooProvider.ID, p -> new YahooProvider(http, p.urls().yahoo()));
        all.put(StooqProvider.ID, p -> new StooqProvider(http, p.urls().stooq()));
        all.put(BinanceProvider.ID, p -> new BinanceProvider(http, p.urls().binance(), clock));
        all.put(CoinGeckoProvider.ID, p -> new CoinGeckoProvider(http, p.urls().coingecko()));
        all.put(FredProvider.ID, p -> new FredProvider(http, p.urls().fred(), clock));
        all.put(
                EdgarProvider.ID,
                p -> new EdgarProvider(http, p.urls().edgar(), p.urls().edgarData(), p.edgarUserAgent()));
        all.put(
                AlphaVantageProvider.ID,
                p -> new AlphaVantageProvider(http, p.urls().alphavantage(), clock));
        all.put(FmpProvider.ID, p -> new FmpProvider(http, p.urls().fmp()));
        all.put(PolygonProvider.ID, p -> new PolygonProvider(http, p.urls().polygon(), clock));
        all.put(FinnhubProvider.ID, p -> new FinnhubProvider(http, p.urls().finnhub()));
        all.put(NewsApiProvider.ID, p -> new NewsApiProvider(http, p.urls().newsapi(), names));
        all.put(GdeltProvider.ID, p -> new GdeltProvider(http, p.urls().gdelt(), names));
        all.put(
                RssFeedProvider.YAHOO_ID,
                p -> RssFeedProvider.yahoo(http, p.urls().yahooRss()));
        all.put(
                RssFeedProvider.NASDAQ_ID,
                p -> RssFeedProvider.nasdaq(http, p.urls().nasdaqRss()));
        return all;
    }

    @Bean(destroyMethod = "close")
    ExecutorService marketDataExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    Arbitrator arbitrator(
            ProvidersProperties properties,
            Vault vault,
            ExecutorService marketDataExecutor,
            Clock clock,
            ObjectProvider<CompanyNames> companyNames) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(marketDataExecutor)
                .build();
        ProviderHttp http = new ProviderHttp(
                client, JsonMapper.builder().build(), properties.timeout(), properties.edgarUserAgent());
        // Text-searched news sources (NewsAPI, GDELT) search by the company's name from the catalog.
        CompanyNames names = companyNames.getIfAvailable(CompanyNames::none);
        Map<String, Function<ProvidersProperties, MarketDataProvider>> known = catalog(http, clock, names);
        GuardedProvider.Guards guards = new GuardedProvider.Guards(
                properties.timeout(),
                properties.maxConcurrentCalls(),
                properties.circuitFailureRate(),
                properties.circuitOpenFor());
        Map<String, ProviderProfile.RateLimit> budgets = ProviderBudgets.parse(properties.budgets());
        budgets.keySet().stream()
                .filter(id -> !known.containsKey(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException(
                            "SEXTANT_PROVIDERS_BUDGETS names '" + id + "'; known providers: " + known.keySet());
                });
        List<GuardedProvider> providers = new ArrayList<>();
        for (String name : properties.enabled()) {
            String id = name.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            Function<ProvidersProperties, MarketDataProvider> factory = known.get(id);
            if (factory == null) {
                throw new IllegalStateException(
                        "SEXTANT_PROVIDERS_ENABLED names '" + id + "'; known providers: " + known.keySet());
            }
            MarketDataProvider provider = factory.apply(properties);
            providers.add(
                    new GuardedProvider(provider, provider.profile().rateLimit(), guards, marketDataExecutor, clock));
        }
        return new Arbitrator(
                providers,
                new VaultKeys(vault, properties.keys()),
                marketDataExecutor,
                properties.crossCheck(),
                properties.conflictTolerance(),
                properties.timeout());
    }

    @Bean(destroyMethod = "close")
    SharedCacheHolder sharedMarketCache(ObjectProvider<RedisClient> redis) {
        RedisClient client = redis.getIfAvailable();
        return new SharedCacheHolder(client == null ? null : new RedisSharedCache(client));
    }

    @Bean
    LivePrices livePrices(
            Arbitrator arbitrator,
            BarStore store,
            SharedCacheHolder shared,
            ExecutorService marketDataExecutor,
            ProvidersProperties properties,
            MarketDataEvents events,
            Clock clock) {
        FreshCache<LiveQuote> quotes = new FreshCache<>(
                "quotes",
                LiveQuote.class,
                clock,
                marketDataExecutor,
                shared.cache(),
                JsonMapper.builder().build(),
                properties.timeout().plus(Duration.ofSeconds(1)),
                100_000);
        BarHistory history = new BarHistory(store, arbitrator, clock, shared.cache());
        return new LivePrices(
                arbitrator,
                quotes,
                history,
                clock,
                properties.quoteTtl(),
                properties.staleFor(),
                shared.cache() != null,
                events);
    }

    @Bean
    LiveFundamentals liveFundamentals(
            Arbitrator arbitrator,
            FundamentalStore store,
            SharedCacheHolder shared,
            ExecutorService marketDataExecutor,
            ProvidersProperties properties,
            Clock clock) {
        FreshCache<LiveFundamentals.Fetched> fetches = new FreshCache<>(
                "fundamentals",
                LiveFundamentals.Fetched.class,
                clock,
                marketDataExecutor,
                shared.cache(),
                JsonMapper.builder().build(),
                properties.timeout().plus(Duration.ofSeconds(5)),
                10_000);
        return new LiveFundamentals(arbitrator, store, fetches, clock);
    }

    /** The shared cache, or none on a single node. */
    record SharedCacheHolder(RedisSharedCache cache) implements AutoCloseable {
        @Override
        public void close() {
            if (cache != null) {
                cache.close();
            }
        }
    }
}
