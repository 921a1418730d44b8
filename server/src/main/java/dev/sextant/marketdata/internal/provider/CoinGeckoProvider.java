package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * CoinGecko's public API (keyless tier): crypto prices and daily history, and a coin search. Its
 * history is a price per point, not OHLC, so a day's bar is made from the day's points (open the
 * first, close the last); its volume is the rolling 24-hour volume at the day's last point.
 */
public final class CoinGeckoProvider extends HttpProvider {

    public static final String ID = "coingecko";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("CoinGecko public API (keyless tier, crypto)")
            .assetClasses(EnumSet.of(AssetClass.CRYPTO))
            .intervals(EnumSet.of(BarInterval.ONE_DAY))
            .capabilities(EnumSet.of(
                    ProviderProfile.Capability.QUOTES,
                    ProviderProfile.Capability.BARS,
                    ProviderProfile.Capability.SEARCH))
            .historyYears(1)
            .keyless()
            .rateLimit(ProviderProfile.RateLimit.perMinute(10))
            .licence(DataLicence.SHARED)
            .trust(0.75)
            .build();

    /** CoinGecko names coins by id, not ticker; these are the ones a ticker alone cannot find. */
    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("BTC", "bitcoin"),
            Map.entry("ETH", "ethereum"),
            Map.entry("SOL", "solana"),
            Map.entry("XRP", "ripple"),
            Map.entry("DOGE", "dogecoin"),
            Map.entry("ADA", "cardano"),
            Map.entry("BNB", "binancecoin"),
            Map.entry("AVAX", "avalanche-2"),
            Map.entry("DOT", "polkadot"),
            Map.entry("LINK", "chainlink"),
            Map.entry("LTC", "litecoin"),
            Map.entry("TRX", "tron"),
            Map.entry("SHIB", "shiba-inu"),
            Map.entry("XLM", "stellar"),
            Map.entry("ATOM", "cosmos"),
            Map.entry("UNI", "uniswap"),
            Map.entry("BCH", "bitcoin-cash"),
            Map.entry("TON", "the-open-network"),
            Map.entry("SUI", "sui"),
            Map.entry("NEAR", "near"));

    public CoinGeckoProvider(ProviderHttp http, URI base) {
        super(http, base, PROFILE);
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        if (assetClass != AssetClass.CRYPTO || !symbol.endsWith("-USD")) {
            return Optional.empty();
        }
        return Optional.ofNullable(IDS.get(symbol.substring(0, symbol.length() - 4)));
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        String id = requireSymbol(symbol, assetClass);
        JsonNode answer = get("/api/v3/simple/price?ids=" + id
                + "&vs_currencies=usd&include_24hr_change=true&include_last_updated_at=true");
        JsonNode coin = answer.path(id);
        if (!coin.isObject()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no price for " + id);
        }
        double price = ProviderData.number(ID, coin, "usd");
        double changePercent = ProviderData.numberOr(coin, "usd_24h_change", Double.NaN);
        double previous = Double.isNaN(changePercent) ? Double.NaN : price / (1 + changePercent / 100);
        long updated = (long) ProviderData.number(ID, coin, "last_updated_at");
        return ProviderData.quote(ID, symbol, price, previous, "USD", Instant.ofEpochSecond(updated));
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        ProviderData.requireDaily(ID, interval);
        String id = requireSymbol(symbol, assetClass);
        JsonNode answer = get("/api/v3/coins/" + id + "/market_chart/range?vs_currency=usd&from="
                + from.getEpochSecond() + "&to=" + to.getEpochSecond());
        JsonNode prices = answer.path("prices");
        JsonNode volumes = answer.path("total_volumes");
        if (!prices.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "no 'prices' array");
        }
        OhlcvSeries.Builder bars = OhlcvSeries.builder(prices.size());
        LocalDate day = null;
        double open = 0, high = 0, low = 0, close = 0, volume = 0;
        for (int i = 0; i < prices.size(); i++) {
            JsonNode point = prices.get(i);
            LocalDate pointDay =
                    LocalDate.ofInstant(Instant.ofEpochMilli(point.path(0).asLong()), ZoneOffset.UTC);
            double price = point.path(1).isNumber() ? point.path(1).asDouble() : Double.NaN;
            if (day != null && !pointDay.equals(day)) {
                bars.add(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), open, high, low, close, volume);
                day = null;
            }
            if (day == null) {
                day = pointDay;
                open = high = low = price;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume =
                    volumes.path(i).path(1).isNumber() ? volumes.path(i).path(1).asDouble() : 0;
        }
        if (day != null) {
            bars.add(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), open, high, low, close, volume);
        }
        return ProviderData.series(ID, bars);
    }

    @Override
    public List<ProviderListing> search(String text, ProviderKey key) {
        JsonNode answer = get("/api/v3/search?query=" + ProviderData.encode(text));
        List<ProviderListing> listings = new ArrayList<>();
        for (JsonNode coin : answer.path("coins")) {
            String ticker = coin.path("symbol").asString("").toUpperCase(Locale.ROOT);
            String id = coin.path("id").asString("");
            // Only coins whose canonical symbol maps back to this id: search must not promise what quotes cannot serve.
            if (!ticker.isEmpty() && id.equals(IDS.get(ticker))) {
                listings.add(new ProviderListing(
                        ID,
                        ticker + "-USD",
                        coin.path("name").asString(ticker) + " USD",
                        "CCC",
                        AssetClass.CRYPTO,
                        "USD"));
            }
        }
        return listings;
    }

    private JsonNode get(String pathAndQuery) {
        JsonNode answer = http.getJson(ID, base.resolve(pathAndQuery), Map.of());
        JsonNode status = answer.path("status");
        if (status.isObject() && status.has("error_code")) {
            int code = status.path("error_code").asInt();
            throw new ProviderFailure(
                    ID,
                    code == 429 ? ProviderFailure.Kind.RATE_LIMITED : ProviderFailure.Kind.UNAVAILABLE,
                    "error " + code);
        }
        return answer;
    }
}
