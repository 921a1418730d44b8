package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Clock;
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
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Alpha Vantage (BYOK): US shares and ETFs, quotes, daily history, symbol search and news with its
 * own per-ticker sentiment (NEWS_SENTIMENT). It answers errors and its rate limit with HTTP 200 and
 * a JSON note, which is read here for what it is.
 */
public final class AlphaVantageProvider extends HttpProvider {

    public static final String ID = "alphavantage";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Alpha Vantage (your API key)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF))
            .intervals(EnumSet.of(BarInterval.ONE_DAY))
            .capabilities(EnumSet.of(
                    ProviderProfile.Capability.QUOTES,
                    ProviderProfile.Capability.BARS,
                    ProviderProfile.Capability.SEARCH,
                    ProviderProfile.Capability.NEWS))
            .historyYears(20)
            .needsKey()
            .rateLimit(ProviderProfile.RateLimit.perDay(25))
            .licence(DataLicence.KEY_OWNER_ONLY)
            .trust(0.85)
            .build();

    private static final DateTimeFormatter NEWS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT);
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private final Clock clock;

    public AlphaVantageProvider(ProviderHttp http, URI base, Clock clock) {
        super(http, base, PROFILE);
        this.clock = clock;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return MarketDataProvider.usTicker(symbol, assetClass);
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        JsonNode quote = query("GLOBAL_QUOTE", "symbol=" + ProviderData.encode(symbol), key)
                .path("Global Quote");
        if (!quote.isObject() || quote.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no quote for " + symbol);
        }
        Instant time;
        try {
            time = LocalDate.parse(quote.path("07. latest trading day").asString(""))
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "quote without a trading day");
        }
        return ProviderData.quote(
                ID,
                symbol,
                ProviderData.number(ID, quote, "05. price"),
                ProviderData.numberOr(quote, "08. previous close", Double.NaN),
                "USD",
                time);
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        ProviderData.requireDaily(ID, interval);
        boolean recent = from.isAfter(clock.instant().minusSeconds(140L * 86_400));
        JsonNode days = query(
                        "TIME_SERIES_DAILY",
                        "symbol=" + ProviderData.encode(symbol) + "&outputsize=" + (recent ? "compact" : "full"),
                        key)
                .path("Time Series (Daily)");
        if (!days.isObject()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "no daily series in the answer");
        }
        TreeMap<LocalDate, JsonNode> ordered = new TreeMap<>();
        for (var day : days.properties()) {
            try {
                ordered.put(LocalDate.parse(day.getKey()), day.getValue());
            } catch (DateTimeException e) {
                throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "a day that is not a date");
            }
        }
        OhlcvSeries.Builder bars = OhlcvSeries.builder(ordered.size());
        long fromSecond = from.getEpochSecond();
        long toSecond = to.getEpochSecond();
        ordered.forEach((day, bar) -> {
            long time = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            if (time >= fromSecond && time < toSecond) {
                bars.add(
                        time,
                        ProviderData.number(ID, bar, "1. open"),
                        ProviderData.number(ID, bar, "2. high"),
                        ProviderData.number(ID, bar, "3. low"),
                        ProviderData.number(ID, bar, "4. close"),
                        ProviderData.number(ID, bar, "5. volume"));
            }
        });
        return ProviderData.series(ID, bars);
    }

    @Override
    public List<ProviderListing> search(String text, ProviderKey key) {
        List<ProviderListing> listings = new ArrayList<>();
        for (JsonNode match : query("SYMBOL_SEARCH", "keywords=" + ProviderData.encode(text), key)
                .path("bestMatches")) {
            String symbol = match.path("1. symbol").asString("");
            String type = match.path("3. type").asString("");
            if (symbol.isEmpty()
                    || symbol.contains(".")
                    || !match.path("4. region").asString("").equals("United States")) {
                continue;
            }
            listings.add(new ProviderListing(
                    ID,
                    symbol.toUpperCase(Locale.ROOT),
                    match.path("2. name").asString(symbol),
                    "US",
                    type.equalsIgnoreCase("ETF") ? AssetClass.ETF : AssetClass.EQUITY,
                    match.path("8. currency").asString("USD")));
        }
        return listings;
    }

    /**
     * NEWS_SENTIMENT for one ticker. Its times carry no zone; they are read (and asked for) on New
     * York's clock, the later reading, so an article is never known before it was out.
     */
    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        String ticker = requireSymbol(symbol, assetClass);
        int asked = NewsArticles.cap(limit, 1000);
        JsonNode answer = query(
                "NEWS_SENTIMENT",
                "tickers=" + ProviderData.encode(ticker) + "&time_from=" + NEWS_TIME.format(newYork(from)) + "&time_to="
                        + NEWS_TIME.format(newYork(to)) + "&sort=LATEST&limit=" + asked,
                key);
        JsonNode feed = answer.path("feed");
        if (!feed.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "news answer without 'feed'");
        }
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        for (JsonNode item : feed) {
            List<String> tags = new ArrayList<>();
            Double sentiment = null;
            for (JsonNode tagged : item.path("ticker_sentiment")) {
                String tag = tagged.path("ticker").asString("");
                if (tag.equalsIgnoreCase(ticker)) {
                    double score = ProviderData.numberOr(tagged, "ticker_sentiment_score", Double.NaN);
                    sentiment = Double.isNaN(score) ? null : score;
                }
                canonicalTag(tag).ifPresent(tags::add);
            }
            articles.add(
                    ProviderData.text(item, "url"),
                    ProviderData.text(item, "title"),
                    ProviderData.text(item, "summary"),
                    ProviderData.text(item, "source"),
                    publishedAt(item.path("time_published").asString("")),
                    tags,
                    sentiment);
        }
        return articles.newestFirst(asked);
    }

    private static LocalDateTime newYork(Instant instant) {
        return LocalDateTime.ofInstant(instant, NewsArticles.NEW_YORK);
    }

    private static Instant publishedAt(String text) {
        try {
            return NewsArticles.newYorkClock(LocalDateTime.parse(text, PUBLISHED));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code CRYPTO:BTC} is Sextant's {@code BTC-USD}; currencies ({@code FOREX:USD}) are no instrument here. */
    private static Optional<String> canonicalTag(String tag) {
        if (tag.startsWith("CRYPTO:")) {
            return Optional.of(tag.substring("CRYPTO:".length()) + "-USD");
        }
        return tag.contains(":") || tag.isBlank() ? Optional.empty() : Optional.of(tag.replace('.', '-'));
    }

    private JsonNode query(String function, String parameters, ProviderKey key) {
        if (key == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "needs an API key");
        }
        JsonNode answer = http.getJson(
                ID,
                base.resolve("/query?function=" + function + "&" + parameters + "&apikey="
                        + ProviderData.encode(key.value())),
                Map.of());
        String information = answer.path("Information").asString("");
        if (information.startsWith("Invalid inputs") || information.startsWith("No articles")) {
            // Its answer to a ticker it has no news for, not a throttle.
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no news for the ticker");
        }
        if (answer.has("Information") || answer.has("Note")) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.RATE_LIMITED, "rate limit or plan limit reached");
        }
        if (answer.has("Error Message")) {
            String message = answer.path("Error Message").asString("");
            throw new ProviderFailure(
                    ID,
                    message.contains("apikey") ? ProviderFailure.Kind.NO_KEY : ProviderFailure.Kind.NOT_FOUND,
                    message.contains("apikey") ? "key refused" : "unknown symbol or call");
        }
        return answer;
    }
}
