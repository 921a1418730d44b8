package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * NewsAPI.org (BYOK): articles from many publishers, searched by text ({@code /v2/everything}), so
 * the query is the company's name or the ticker. The key travels in the {@code X-Api-Key} header.
 * No sentiment and no ticker tags. Its free Developer plan is for development only (its terms), a
 * month of history, 100 requests a day.
 */
public final class NewsApiProvider extends HttpProvider {

    public static final String ID = "newsapi";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("NewsAPI.org article search (your API key)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF))
            .intervals(EnumSet.noneOf(BarInterval.class))
            .capabilities(EnumSet.of(ProviderProfile.Capability.NEWS))
            .historyYears(0)
            .needsKey()
            .rateLimit(ProviderProfile.RateLimit.perDay(100))
            .licence(DataLicence.KEY_OWNER_ONLY)
            .trust(0.7)
            .build();

    /** A search answer is a page of articles; no page Sextant asks for is larger. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final CompanyNames names;

    public NewsApiProvider(ProviderHttp http, URI base, CompanyNames names) {
        super(http, base, PROFILE);
        this.names = names;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return MarketDataProvider.usTicker(symbol, assetClass);
    }

    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        if (key == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "needs an API key");
        }
        String ticker = requireSymbol(symbol, assetClass);
        int asked = NewsArticles.cap(limit, 100);
        String query = names.searchTerm(symbol)
                .map(name -> "\"" + name + "\" OR \"" + ticker + "\"")
                .orElse("\"" + ticker + "\"");
        URI uri = base.resolve("/v2/everything?q=" + ProviderData.encode(query)
                + "&searchIn=title,description&from=" + from.truncatedTo(ChronoUnit.SECONDS) + "&to="
                + to.truncatedTo(ChronoUnit.SECONDS) + "&sortBy=publishedAt&language=en&pageSize=" + asked);
        ProviderHttp.Answer answer = http.fetch(ID, uri, Map.of("X-Api-Key", key.value()), MAX_BODY_BYTES);
        JsonNode body = answer.body().strip().startsWith("{") ? http.parseJson(ID, uri, answer.body()) : null;
        if (body != null && body.path("status").asString("").equals("error")) {
            throw refusal(body.path("code").asString(""), answer.status());
        }
        http.failOnStatus(ID, uri, answer.status());
        if (body == null || !body.path("articles").isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "answer without 'articles'");
        }
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        for (JsonNode item : body.path("articles")) {
            String title = ProviderData.text(item, "title");
            if ("[Removed]".equals(title)) {
                // NewsAPI keeps withdrawn articles in place as "[Removed]" with a placeholder URL.
                continue;
            }
            articles.add(
                    ProviderData.text(item, "url"),
                    title,
                    ProviderData.text(item, "description"),
                    ProviderData.text(item.path("source"), "name"),
                    instant(item.path("publishedAt").asString("")),
                    List.of(),
                    null);
        }
        return articles.newestFirst(asked);
    }

    /** NewsAPI's error codes say more than its statuses (it answers an old date on the free plan with 426). */
    private static ProviderFailure refusal(String code, int status) {
        return switch (code) {
            case "apiKeyInvalid", "apiKeyMissing", "apiKeyDisabled" ->
                new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "key refused (" + code + ")");
            case "apiKeyExhausted", "rateLimited" ->
                new ProviderFailure(ID, ProviderFailure.Kind.RATE_LIMITED, "rate limited (" + code + ")");
            case "unexpectedError" ->
                new ProviderFailure(ID, ProviderFailure.Kind.UNAVAILABLE, "server error (" + code + ")");
            default ->
                new ProviderFailure(
                        ID,
                        status >= 500 ? ProviderFailure.Kind.UNAVAILABLE : ProviderFailure.Kind.NOT_FOUND,
                        "refused the query (" + (code.matches("[A-Za-z]{1,40}") ? code : "no code") + ")");
        };
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
