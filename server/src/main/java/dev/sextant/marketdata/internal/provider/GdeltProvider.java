package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The GDELT Project's DOC 2.0 API (keyless): articles from news sites worldwide, searched by text
 * (the company's name, else the ticker) over its last three months. It gives no publication time,
 * only when GDELT saw the article ({@code seendate}, UTC), which is used as such: never earlier than
 * publication. It asks for one request every five seconds and answers text, not JSON, when it
 * refuses a query; no sentiment in its article list.
 */
public final class GdeltProvider extends HttpProvider {

    public static final String ID = "gdelt";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("GDELT DOC 2.0 news search (keyless)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF))
            .intervals(EnumSet.noneOf(BarInterval.class))
            .capabilities(EnumSet.of(ProviderProfile.Capability.NEWS))
            .historyYears(0)
            .keyless()
            .rateLimit(ProviderProfile.RateLimit.perMinute(12))
            .licence(DataLicence.SHARED)
            .trust(0.6)
            .build();

    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final CompanyNames names;

    public GdeltProvider(ProviderHttp http, URI base, CompanyNames names) {
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
        String ticker = requireSymbol(symbol, assetClass);
        Optional<String> name = names.searchTerm(symbol);
        if (name.isEmpty() && ticker.length() < 3) {
            // GDELT refuses keywords shorter than three letters; a one-letter ticker alone finds noise.
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no searchable name for " + symbol);
        }
        String query = name.map(n -> "(\"" + n + "\" OR " + ticker + ")").orElse(ticker);
        int asked = NewsArticles.cap(limit, 250);
        URI uri = base.resolve("/api/v2/doc/doc?query=" + ProviderData.encode(query)
                + "&mode=artlist&format=json&sort=datedesc&maxrecords=" + asked + "&startdatetime="
                + QUERY_TIME.format(LocalDateTime.ofInstant(from, ZoneOffset.UTC)) + "&enddatetime="
                + QUERY_TIME.format(LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
        ProviderHttp.Answer answer = http.fetch(ID, uri, Map.of(), MAX_BODY_BYTES);
        http.failOnStatus(ID, uri, answer.status());
        String body = answer.body().strip();
        if (!body.startsWith("{")) {
            throw body.toLowerCase(Locale.ROOT).contains("limit requests")
                    ? new ProviderFailure(ID, ProviderFailure.Kind.RATE_LIMITED, "asks for one request every 5 seconds")
                    : new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "refused the query");
        }
        JsonNode json = http.parseJson(ID, uri, body);
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        // No match is answered with {} rather than an empty list.
        for (JsonNode item : json.path("articles")) {
            articles.add(
                    ProviderData.text(item, "url"),
                    ProviderData.text(item, "title"),
                    null,
                    ProviderData.text(item, "domain"),
                    seen(item.path("seendate").asString("")),
                    List.of(),
                    null);
        }
        return articles.newestFirst(asked);
    }

    private static Instant seen(String text) {
        try {
            return LocalDateTime.parse(text, SEEN).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
