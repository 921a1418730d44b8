package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Binance's public spot market data (keyless): klines and the current price of crypto pairs. A
 * Sextant {@code XXX-USD} is Binance's {@code XXXUSDT} (the dollar stablecoin stands in for the
 * dollar). A crypto "session" is the UTC day, so the previous close is the day's opening price.
 */
public final class BinanceProvider extends HttpProvider {

    public static final String ID = "binance";
    /** Binance answers at most this many klines per call. */
    static final int KLINES_PER_CALL = 1000;

    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Binance public spot klines and prices (keyless, crypto)")
            .assetClasses(EnumSet.of(AssetClass.CRYPTO))
            .intervals(ProviderProfile.INTRADAY_AND_DAILY)
            .capabilities(EnumSet.of(ProviderProfile.Capability.QUOTES, ProviderProfile.Capability.BARS))
            .historyYears(8)
            .keyless()
            // The published limit is 6,000 request weight per minute; klines cost 2.
            .rateLimit(ProviderProfile.RateLimit.perMinute(1200))
            .licence(DataLicence.SHARED)
            .trust(0.95)
            .build();

    private final Clock clock;

    public BinanceProvider(ProviderHttp http, URI base, Clock clock) {
        super(http, base, PROFILE);
        this.clock = clock;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        if (assetClass != AssetClass.CRYPTO || !symbol.endsWith("-USD")) {
            return Optional.empty();
        }
        return Optional.of(symbol.substring(0, symbol.length() - 4) + "USDT");
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        JsonNode today = klines(requireSymbol(symbol, assetClass), "1d", null, null, 1);
        if (today.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "no kline for today");
        }
        JsonNode kline = today.get(0);
        double open = ProviderData.parse(ID, kline.path(1).asString(""), "open");
        double close = ProviderData.parse(ID, kline.path(4).asString(""), "close");
        return ProviderData.quote(ID, symbol, close, open, "USD", clock.instant());
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        String pair = requireSymbol(symbol, assetClass);
        OhlcvSeries.Builder bars = OhlcvSeries.builder(256);
        long start = from.toEpochMilli();
        long end = to.toEpochMilli() - 1;
        while (start <= end) {
            JsonNode page = klines(pair, interval.code(), start, end, KLINES_PER_CALL);
            long last = Long.MIN_VALUE;
            for (JsonNode kline : page) {
                last = kline.path(0).asLong();
                bars.add(
                        last / 1000,
                        ProviderData.parse(ID, kline.path(1).asString(""), "open"),
                        ProviderData.parse(ID, kline.path(2).asString(""), "high"),
                        ProviderData.parse(ID, kline.path(3).asString(""), "low"),
                        ProviderData.parse(ID, kline.path(4).asString(""), "close"),
                        ProviderData.parse(ID, kline.path(5).asString(""), "volume"));
            }
            if (page.size() < KLINES_PER_CALL) {
                break;
            }
            start = last + 1;
        }
        return ProviderData.series(ID, bars);
    }

    private JsonNode klines(String pair, String interval, Long start, Long end, int limit) {
        StringBuilder query =
                new StringBuilder("/api/v3/klines?symbol=" + pair + "&interval=" + interval + "&limit=" + limit);
        if (start != null) {
            query.append("&startTime=").append(start).append("&endTime=").append(end);
        }
        // An unknown pair is a 400 {"code":-1121,"msg":"Invalid symbol."}: ProviderHttp reads it as NOT_FOUND.
        JsonNode answer = http.getJson(ID, base.resolve(query.toString()), Map.of());
        if (!answer.isArray()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "klines are not an array");
        }
        return answer;
    }
}
