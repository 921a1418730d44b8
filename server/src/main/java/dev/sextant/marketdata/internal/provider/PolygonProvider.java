package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Polygon.io (BYOK): aggregates (bars) of US shares, indices and crypto, and news about US shares
 * (with its per-ticker sentiment insight). The free plan serves end-of-day data, so its quote is the
 * latest daily close against the one before.
 */
public final class PolygonProvider extends HttpProvider {

    public static final String ID = "polygon";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Map<String, String> INDICES =
            Map.of("^GSPC", "I:SPX", "^NDX", "I:NDX", "^DJI", "I:DJI", "^VIX", "I:VIX");
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Polygon.io aggregates (your API key)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF, AssetClass.INDEX, AssetClass.CRYPTO))
            .intervals(ProviderProfile.INTRADAY_AND_DAILY)
            .capabilities(EnumSet.of(
                    ProviderProfile.Capability.QUOTES,
                    ProviderProfile.Capability.BARS,
                    ProviderProfile.Capability.NEWS))
            .historyYears(2)
            .needsKey()
            .rateLimit(ProviderProfile.RateLimit.perMinute(5))
            .licence(DataLicence.KEY_OWNER_ONLY)
            .trust(0.95)
            .build();

    private final Clock clock;

    public PolygonProvider(ProviderHttp http, URI base, Clock clock) {
        super(http, base, PROFILE);
        this.clock = clock;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return switch (assetClass) {
            case EQUITY, ETF -> symbol.contains(".") ? Optional.empty() : Optional.of(symbol.replace('-', '.'));
            case INDEX -> Optional.ofNullable(INDICES.get(symbol));
            case CRYPTO -> symbol.endsWith("-USD") ? Optional.of("X:" + symbol.replace("-", "")) : Optional.empty();
            case MACRO -> Optional.empty();
        };
    }

    /**
     * {@code /v2/reference/news} for one ticker. The key goes in the Authorization header, which
     * Polygon accepts, so it is in no URL. Its insight's sentiment is a word; positive, neutral and
     * negative become 1, 0 and -1.
     */
    @Override
    public List<ProviderArticle> news(
            String symbol, AssetClass assetClass, Instant from, Instant to, int limit, ProviderKey key) {
        if (key == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "needs an API key");
        }
        if (assetClass != AssetClass.EQUITY && assetClass != AssetClass.ETF) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "news of shares only");
        }
        String ticker = requireSymbol(symbol, assetClass);
        int asked = NewsArticles.cap(limit, 1000);
        JsonNode answer = http.getJson(
                ID,
                base.resolve("/v2/reference/news?ticker=" + ProviderData.encode(ticker) + "&published_utc.gte=" + from
                        + "&published_utc.lte=" + to + "&order=desc&sort=published_utc&limit=" + asked),
                Map.of("Authorization", "Bearer " + key.value()));
        checkStatus(answer);
        JsonNode results = answer.path("results");
        if (!results.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "news answer without 'results'");
        }
        NewsArticles articles = new NewsArticles(ID, symbol, from, to);
        for (JsonNode item : results) {
            List<String> tags = new ArrayList<>();
            item.path("tickers").forEach(tag -> tags.add(tag.asString("").replace('.', '-')));
            Double sentiment = null;
            for (JsonNode insight : item.path("insights")) {
                if (insight.path("ticker").asString("").equalsIgnoreCase(ticker)) {
                    sentiment = switch (insight.path("sentiment").asString("").toLowerCase(Locale.ROOT)) {
                        case "positive" -> 1.0;
                        case "negative" -> -1.0;
                        case "neutral" -> 0.0;
                        default -> null;
                    };
                }
            }
            articles.add(
                    ProviderData.text(item, "article_url"),
                    ProviderData.text(item, "title"),
                    ProviderData.text(item, "description"),
                    ProviderData.text(item.path("publisher"), "name"),
                    instant(item.path("published_utc").asString("")),
                    tags,
                    sentiment);
        }
        return articles.newestFirst(asked);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        Instant now = clock.instant();
        OhlcvSeries days = bars(symbol, assetClass, BarInterval.ONE_DAY, now.minusSeconds(10L * 86_400), now, key);
        if (days.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no recent bars for " + symbol);
        }
        int last = days.size() - 1;
        return ProviderData.quote(
                ID,
                symbol,
                days.close(last),
                last > 0 ? days.close(last - 1) : Double.NaN,
                "USD",
                Instant.ofEpochSecond(days.time(last)));
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        if (key == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NO_KEY, "needs an API key");
        }
        String ticker = requireSymbol(symbol, assetClass);
        String span = switch (interval) {
            case ONE_MINUTE -> "1/minute";
            case FIVE_MINUTES -> "5/minute";
            case FIFTEEN_MINUTES -> "15/minute";
            case THIRTY_MINUTES -> "30/minute";
            case ONE_HOUR -> "1/hour";
            default -> "1/day";
        };
        JsonNode answer = http.getJson(
                ID,
                base.resolve("/v2/aggs/ticker/" + ticker + "/range/" + span + "/" + from.toEpochMilli() + "/"
                        + (to.toEpochMilli() - 1) + "?adjusted=true&sort=asc&limit=50000&apiKey=" + key.value()),
                Map.of());
        checkStatus(answer);
        JsonNode results = answer.path("results");
        OhlcvSeries.Builder bars = OhlcvSeries.builder(results.size());
        ZoneId zone = assetClass == AssetClass.CRYPTO ? ZoneOffset.UTC : NEW_YORK;
        for (JsonNode bar : results) {
            long time = (long) (ProviderData.number(ID, bar, "t") / 1000);
            if (interval == BarInterval.ONE_DAY) {
                time = LocalDate.ofInstant(Instant.ofEpochSecond(time), zone)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
            }
            bars.add(
                    time,
                    ProviderData.number(ID, bar, "o"),
                    ProviderData.number(ID, bar, "h"),
                    ProviderData.number(ID, bar, "l"),
                    ProviderData.number(ID, bar, "c"),
                    ProviderData.numberOr(bar, "v", 0));
        }
        return ProviderData.series(ID, bars);
    }

    /** Polygon may answer an error with status 200 and {@code "status":"ERROR"}. */
    private static void checkStatus(JsonNode answer) {
        String status = answer.path("status").asString("");
        if (status.equals("ERROR") || status.equals("NOT_AUTHORIZED")) {
            throw new ProviderFailure(
                    ID,
                    answer.path("error").asString("").contains("exceeded")
                            ? ProviderFailure.Kind.RATE_LIMITED
                            : ProviderFailure.Kind.NO_KEY,
                    "status " + status);
        }
    }
}
