package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Yahoo Finance's chart and search API (keyless): equities, ETFs and indices of most exchanges,
 * and crypto pairs, under the same symbols Sextant uses ({@code AAPL}, {@code ^GSPC},
 * {@code BTC-USD}, {@code SAP.DE}). Unofficial and unannounced limits, so a polite budget.
 */
public final class YahooProvider extends HttpProvider {

    public static final String ID = "yahoo";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Yahoo Finance chart and search API (keyless, unofficial)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF, AssetClass.INDEX, AssetClass.CRYPTO))
            .intervals(ProviderProfile.INTRADAY_AND_DAILY)
            .capabilities(EnumSet.of(
                    ProviderProfile.Capability.QUOTES,
                    ProviderProfile.Capability.BARS,
                    ProviderProfile.Capability.SEARCH))
            .historyYears(50)
            .keyless()
            .rateLimit(ProviderProfile.RateLimit.perMinute(60))
            .licence(DataLicence.SHARED)
            .trust(0.9)
            .build();

    public YahooProvider(ProviderHttp http, URI base) {
        super(http, base, PROFILE);
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return assetClass == AssetClass.MACRO ? Optional.empty() : Optional.of(symbol);
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        JsonNode result = chart(symbol, "range=1d&interval=1d");
        JsonNode meta = result.path("meta");
        double price = ProviderData.number(ID, meta, "regularMarketPrice");
        double previous = ProviderData.numberOr(
                meta, "chartPreviousClose", ProviderData.numberOr(meta, "previousClose", Double.NaN));
        long time = (long) ProviderData.number(ID, meta, "regularMarketTime");
        return ProviderData.quote(
                ID, symbol, price, previous, ProviderData.text(meta, "currency"), Instant.ofEpochSecond(time));
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        JsonNode result = chart(
                symbol,
                "period1=" + from.getEpochSecond() + "&period2=" + to.getEpochSecond() + "&interval="
                        + yahooInterval(interval) + "&includePrePost=false&events=div%2Csplits");
        ZoneId zone = zone(result.path("meta"));
        JsonNode times = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        OhlcvSeries.Builder bars = OhlcvSeries.builder(times.size());
        for (int i = 0; i < times.size(); i++) {
            JsonNode open = quote.path("open").path(i);
            JsonNode high = quote.path("high").path(i);
            JsonNode low = quote.path("low").path(i);
            JsonNode close = quote.path("close").path(i);
            if (open.isNull() || high.isNull() || low.isNull() || close.isNull() || open.isMissingNode()) {
                continue; // Yahoo leaves a halted or empty minute as nulls: no trade, no bar.
            }
            long time = times.get(i).asLong();
            if (interval == BarInterval.ONE_DAY) {
                time = LocalDate.ofInstant(Instant.ofEpochSecond(time), zone)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
            }
            JsonNode volume = quote.path("volume").path(i);
            bars.add(
                    time,
                    open.asDouble(),
                    high.asDouble(),
                    low.asDouble(),
                    close.asDouble(),
                    volume.isNumber() ? volume.asDouble() : 0);
        }
        return ProviderData.series(ID, bars);
    }

    @Override
    public List<ProviderListing> search(String text, ProviderKey key) {
        JsonNode answer = http.getJson(
                ID,
                base.resolve("/v1/finance/search?q=" + ProviderData.encode(text)
                        + "&quotesCount=20&newsCount=0&listsCount=0"));
        List<ProviderListing> listings = new ArrayList<>();
        for (JsonNode quote : answer.path("quotes")) {
            AssetClass assetClass = switch (quote.path("quoteType").asString("")) {
                case "EQUITY" -> AssetClass.EQUITY;
                case "ETF", "MUTUALFUND" -> AssetClass.ETF;
                case "INDEX" -> AssetClass.INDEX;
                case "CRYPTOCURRENCY" -> AssetClass.CRYPTO;
                default -> null;
            };
            String symbol = ProviderData.text(quote, "symbol");
            if (assetClass == null || symbol == null) {
                continue;
            }
            String name = Optional.ofNullable(ProviderData.text(quote, "longname"))
                    .or(() -> Optional.ofNullable(ProviderData.text(quote, "shortname")))
                    .orElse(symbol);
            String exchange = Optional.ofNullable(ProviderData.text(quote, "exchDisp"))
                    .orElse(quote.path("exchange").asString("?"));
            listings.add(new ProviderListing(ID, symbol.toUpperCase(Locale.ROOT), name, exchange, assetClass, null));
        }
        return listings;
    }

    private JsonNode chart(String symbol, String query) {
        JsonNode answer =
                http.getJson(ID, base.resolve("/v8/finance/chart/" + ProviderData.encode(symbol) + "?" + query));
        JsonNode error = answer.path("chart").path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String code = error.path("code").asString("");
            throw new ProviderFailure(
                    ID,
                    code.equals("Not Found") ? ProviderFailure.Kind.NOT_FOUND : ProviderFailure.Kind.BAD_DATA,
                    "chart error " + code + ": "
                            + ProviderData.abbreviate(error.path("description").asString("")));
        }
        JsonNode result = answer.path("chart").path("result").path(0);
        if (!result.isObject()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "chart answer without a result");
        }
        return result;
    }

    private static ZoneId zone(JsonNode meta) {
        try {
            return ZoneId.of(meta.path("exchangeTimezoneName").asString("UTC"));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String yahooInterval(BarInterval interval) {
        return interval == BarInterval.ONE_HOUR ? "60m" : interval.code();
    }
}
