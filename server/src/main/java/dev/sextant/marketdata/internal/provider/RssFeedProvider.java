package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A public per-symbol headline feed (keyless), RSS 2.0 or Atom: Yahoo Finance's headline RSS and
 * Nasdaq's per-symbol feed. A feed lists the latest articles only, so history is what was stored
 * while it was read. The headlines belong to their publishers; the feeds are free to read, and
 * each article links back to its source.
 */
public final class RssFeedProvider extends HttpProvider {

    public static final String YAHOO_ID = "yahoo-rss";
    public static final String NASDAQ_ID = "nasdaq-rss";

    /** A feed of headlines is small; a larger answer is refused before it is parsed. */
    static final int MAX_FEED_BYTES = 2 * 1024 * 1024;

    private final Function<String, String> pathAndQuery;
    private final String publisher;
    private final FeedParser parser = new FeedParser();

    private RssFeedProvider(
            ProviderHttp http, URI base, ProviderProfile profile, String publisher, Function<String, String> path) {
        super(http, base, profile);
        this.publisher = publisher;
        this.pathAndQuery = path;
    }

    /** {@code https://feeds.finance.yahoo.com/rss/2.0/headline?s=AAPL&region=US&lang=en-US}. */
    public static RssFeedProvider yahoo(ProviderHttp http, URI base) {
        return new RssFeedProvider(
                http,
                base,
                profile(YAHOO_ID, "Yahoo Finance headline RSS (keyless)"),
                "Yahoo Finance",
                ticker -> "/rss/2.0/headline?s=" + ProviderData.encode(ticker) + "&region=US&lang=en-US");
    }

    /** {@code https://www.nasdaq.com/feed/rssoutbound?symbol=AAPL}. */
    public static RssFeedProvider nasdaq(ProviderHttp http, URI base) {
        return new RssFeedProvider(
                http,
                base,
                profile(NASDAQ_ID, "Nasdaq per-symbol RSS (keyless)"),
                "Nasdaq",
                ticker -> "/feed/rssoutbound?symbol=" + ProviderData.encode(ticker));
    }

    private static ProviderProfile profile(String id, String description) {
        return ProviderProfile.named(id)
                .describedAs(description)
                .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF))
                .intervals(EnumSet.noneOf(BarInterval.class))
                .capabilities(EnumSet.of(ProviderProfile.Capability.NEWS))
                .historyYears(0)
                .keyless()
                // No published limit: a polite one, a feed changes a few times an hour.
                .rateLimit(ProviderProfile.RateLimit.perMinute(30))
                .licence(DataLicence.SHARED)
                .trust(0.7)
                .build();
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return MarketDataProvider.usTicker(symbol, assetClass);
    }

    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        String ticker = requireSymbol(symbol, assetClass);
        URI uri = base.resolve(pathAndQuery.apply(ticker));
        ProviderHttp.Answer answer =
                http.fetch(id(), uri, Map.of("Accept", "application/rss+xml, application/atom+xml"), MAX_FEED_BYTES);
        http.failOnStatus(id(), uri, answer.status());
        NewsArticles articles = new NewsArticles(id(), symbol, from, to);
        for (FeedParser.Item item : parser.items(id(), answer.body())) {
            articles.add(
                    item.link(),
                    item.title(),
                    item.summary(),
                    item.source() == null ? publisher : item.source(),
                    item.publishedAt(),
                    item.tickers().stream().map(tag -> tag.replace('.', '-')).toList(),
                    null);
        }
        return articles.newestFirst(NewsArticles.cap(limit, NewsArticles.MAX_LIMIT));
    }
}
