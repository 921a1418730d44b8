package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Financial Modeling Prep (BYOK): quotes and daily history of US shares, ETFs and indices, and news
 * about shares (its v3 {@code stock_news}, no sentiment).
 */
public final class FmpProvider extends HttpProvider {

    public static final String ID = "fmp";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Financial Modeling Prep (your API key)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF, AssetClass.INDEX))
            .intervals(EnumSet.of(BarInterval.ONE_DAY))
            .capabilities(EnumSet.of(
                    ProviderProfile.Capability.QUOTES,
                    ProviderProfile.Capability.BARS,
                    ProviderProfile.Capability.NEWS))
            .historyYears(30)
            .needsKey()
            .rateLimit(ProviderProfile.RateLimit.perDay(250))
            .licence(DataLicence.KEY_OWNER_ONLY)
            .trust(0.85)
            .build();

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public FmpProvider(ProviderHttp http, URI base) {
        super(http, base, PROFILE);
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return switch (assetClass) {
            case EQUITY, ETF -> symbol.contains(".") ? Optional.empty() : Optional.of(symbol);
            case INDEX -> Optional.of(symbol);
            default -> Optional.empty();
        };
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        JsonNode answer = get("/api/v3/quote/" + ProviderData.encode(symbol), "", key);
        if (!answer.isArray() || answer.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no quote for " + symbol);
        }
        JsonNode quote = answer.get(0);
        return ProviderData.quote(
                ID,
                symbol,
                ProviderData.number(ID, quote, "price"),
                ProviderData.numberOr(quote, "previousClose", Double.NaN),
                "USD",
                Instant.ofEpochSecond((long) ProviderData.number(ID, quote, "timestamp")));
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        ProviderData.requireDaily(ID, interval);
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusSeconds(1), ZoneOffset.UTC);
        JsonNode days = get(
                        "/api/v3/historical-price-full/" + ProviderData.encode(symbol),
                        "from=" + first + "&to=" + last + "&",
                        key)
                .path("historical");
        if (!days.isArray()) {
            return OhlcvSeries.empty(); // FMP answers {} for a range without trading days.
        }
        List<JsonNode> oldestFirst = new ArrayList<>();
        days.forEach(oldestFirst::add);
        oldestFirst = oldestFirst.reversed();
        OhlcvSeries.Builder bars = OhlcvSeries.builder(oldestFirst.size());
        for (JsonNode day : oldestFirst) {
            long time;
            try {
                time = LocalDate.parse(day.path("date").asString(""))
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
            } catch (DateTimeException e) {
                throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "a day without a date");
            }
            bars.add(
                    time,
                    ProviderData.number(ID, day, "open"),
                    ProviderData.number(ID, day, "high"),
                    ProviderData.number(ID, day, "low"),
                    ProviderData.number(ID, day, "close"),
                    ProviderData.numberOr(day, "volume", 0));
        }
        return ProviderData.series(ID, bars);
    }

    /**
     * {@code /api/v3/stock_news} for one ticker. Its {@code publishedDate} has no zone; it is read
     * on New York's clock, the later reading, so an article is never known before it was out.
     */
    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        if (assetClass != AssetClass.EQUITY && assetClass != AssetClass.ETF) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "news of shares only");
        }
        String ticker = requireSymbol(symbol, assetClass);
        int asked = NewsArticles.cap(limit, 1000);
        LocalDate first = LocalDate.ofInstant(from, NewsArticles.NEW_YORK);
        LocalDate last = LocalDate.ofInstant(to, NewsArticles.NEW_YORK);
        JsonNode answer = get(
                "/api/v3/stock_news",
                "tickers=" + ProviderData.encode(ticker) + "&from=" + first + "&to=" + last + "&limit=" + asked + "&",
                key);
        if (!answer.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "news answer is not a list");
        }
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        for (JsonNode item : answer) {
            String tag = item.path("symbol").asString("");
            articles.add(
                    ProviderData.text(item, "url"),
                    ProviderData.text(item, "title"),
                    ProviderData.text(item, "text"),
                    ProviderData.text(item, "site"),
                    publishedAt(item.path("publishedDate").asString("")),
                    tag.isEmpty() ? List.of() : List.of(tag),
                    null);
        }
        return articles.newestFirst(asked);
    }

    private static Instant publishedAt(String text) {
        try {
            return NewsArticles.newYorkClock(LocalDateTime.parse(text, PUBLISHED));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private JsonNode get(String path, String query, ProviderKey key) {
        if (key == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "needs an API key");
        }
        JsonNode answer = http.getJson(
                ID, base.resolve(path + "?" + query + "apikey=" + ProviderData.encode(key.value())), Map.of());
        if (answer.isObject() && answer.has("Error Message")) {
            String message = answer.path("Error Message").asString("");
            throw new ProviderFailure(
                    ID,
                    message.contains("Limit Reach") ? ProviderFailure.Kind.RATE_LIMITED : ProviderFailure.Kind.NO_KEY,
                    message.contains("Limit Reach") ? "daily limit reached" : "key refused");
        }
        return answer;
    }
}
