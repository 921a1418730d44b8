package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finnhub (BYOK): company news of North American shares ({@code /api/v1/company-news}). The key
 * travels in the {@code X-Finnhub-Token} header, never in a URL. Its free plan gives a year of
 * news and no sentiment on this endpoint.
 */
public final class FinnhubProvider extends HttpProvider {

    public static final String ID = "finnhub";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Finnhub company news (your API key)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF))
            .intervals(EnumSet.noneOf(BarInterval.class))
            .capabilities(EnumSet.of(ProviderProfile.Capability.NEWS))
            .historyYears(1)
            .needsKey()
            .rateLimit(ProviderProfile.RateLimit.perMinute(60))
            .licence(DataLicence.KEY_OWNER_ONLY)
            .trust(0.85)
            .build();

    public FinnhubProvider(ProviderHttp http, URI base) {
        super(http, base, PROFILE);
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return MarketDataProvider.usTicker(symbol, assetClass).map(ticker -> ticker.replace('-', '.'));
    }

    /** Finnhub filters by UTC day, both ends included; the exact window is applied here. */
    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        if (key == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "needs an API key");
        }
        String ticker = requireSymbol(symbol, assetClass);
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusSeconds(1), ZoneOffset.UTC);
        JsonNode answer = http.getJson(
                ID,
                base.resolve("/api/v1/company-news?symbol=" + ProviderData.encode(ticker) + "&from=" + first + "&to="
                        + last),
                Map.of("X-Finnhub-Token", key.value()));
        if (answer.isObject() && answer.has("error")) {
            // Finnhub sometimes answers a refusal with status 200 and {"error": "..."}.
            String error = answer.path("error").asString("").toLowerCase(Locale.ROOT);
            throw error.contains("limit")
                    ? new ProviderFailure(ID, ProviderFailure.Kind.RATE_LIMITED, "API limit reached")
                    : error.contains("key") || error.contains("access")
                            ? new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "key refused")
                            : new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "refused the request");
        }
        if (!answer.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "company news is not a list");
        }
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        for (JsonNode item : answer) {
            // "datetime" is seconds since the epoch, UTC.
            long seconds = item.path("datetime").asLong(-1);
            List<String> related = Arrays.stream(
                            item.path("related").asString("").split(","))
                    .map(tag -> tag.strip().replace('.', '-'))
                    .filter(tag -> !tag.isEmpty())
                    .toList();
            articles.add(
                    ProviderData.text(item, "url"),
                    ProviderData.text(item, "headline"),
                    ProviderData.text(item, "summary"),
                    ProviderData.text(item, "source"),
                    seconds > 0 ? Instant.ofEpochSecond(seconds) : null,
                    related,
                    null);
        }
        return articles.newestFirst(NewsArticles.cap(limit, NewsArticles.MAX_LIMIT));
    }
}
