package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stooq's daily CSV downloads (keyless): long daily histories of US, European, UK and Japanese
 * shares, major indices and crypto. Daily bars only; its quote has no previous close.
 */
public final class StooqProvider extends HttpProvider {

    public static final String ID = "stooq";
    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("Stooq daily CSV (keyless)")
            .assetClasses(EnumSet.of(AssetClass.EQUITY, AssetClass.ETF, AssetClass.INDEX, AssetClass.CRYPTO))
            .intervals(EnumSet.of(BarInterval.ONE_DAY))
            .capabilities(EnumSet.of(ProviderProfile.Capability.QUOTES, ProviderProfile.Capability.BARS))
            .historyYears(70)
            .keyless()
            .rateLimit(ProviderProfile.RateLimit.perMinute(30))
            .licence(DataLicence.SHARED)
            .trust(0.8)
            .build();

    private static final Map<String, String> INDICES = Map.of(
            "^GSPC",
            "^spx",
            "^NDX",
            "^ndx",
            "^DJI",
            "^dji",
            "^IXIC",
            "^ndq",
            "^FTSE",
            "^ukx",
            "^N225",
            "^nkx",
            "^GDAXI",
            "^dax",
            "^STOXX50E",
            "^stx");
    private static final Map<String, String> SUFFIXES =
            Map.of("DE", "de", "L", "uk", "T", "jp", "PA", "fr", "AS", "nl", "MI", "it", "MC", "es", "HK", "hk");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    public StooqProvider(ProviderHttp http, URI base) {
        super(http, base, PROFILE);
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return switch (assetClass) {
            case INDEX -> Optional.ofNullable(INDICES.get(symbol));
            case CRYPTO ->
                symbol.endsWith("-USD")
                        ? Optional.of(symbol.replace("-", "").toLowerCase(Locale.ROOT))
                        : Optional.empty();
            case EQUITY, ETF -> {
                int dot = symbol.lastIndexOf('.');
                if (dot < 0) {
                    yield Optional.of(symbol.toLowerCase(Locale.ROOT) + ".us");
                }
                String market = SUFFIXES.get(symbol.substring(dot + 1));
                yield market == null
                        ? Optional.empty()
                        : Optional.of(symbol.substring(0, dot).toLowerCase(Locale.ROOT) + "." + market);
            }
            case MACRO -> Optional.empty();
        };
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        String stooq = requireSymbol(symbol, assetClass);
        List<String> lines = csv(base.resolve("/q/l/?s=" + ProviderData.encode(stooq) + "&f=sd2t2ohlcv&h&e=csv"));
        String[] cells = lines.get(1).split(",", -1);
        if (cells.length < 8 || cells[1].equals("N/D")) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no quote for " + symbol);
        }
        double price = ProviderData.parse(ID, cells[6], "close");
        Instant time;
        try {
            // Stooq stamps quotes in Central European time.
            time = LocalDateTime.of(LocalDate.parse(cells[1]), LocalTime.parse(cells[2]))
                    .atZone(ZoneId.of("Europe/Warsaw"))
                    .toInstant();
        } catch (DateTimeException e) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "quote time is not a date: " + cells[1]);
        }
        return ProviderData.quote(ID, symbol, price, Double.NaN, null, time);
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        ProviderData.requireDaily(ID, interval);
        String stooq = requireSymbol(symbol, assetClass);
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusSeconds(1), ZoneOffset.UTC);
        List<String> lines = csv(base.resolve("/q/d/l/?s=" + ProviderData.encode(stooq) + "&i=d&d1="
                + COMPACT.format(first) + "&d2=" + COMPACT.format(last)));
        String[] header = lines.get(0).toLowerCase(Locale.ROOT).split(",", -1);
        if (header.length < 5 || !header[0].equals("date") || !header[4].equals("close")) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "unexpected CSV header");
        }
        boolean hasVolume = header.length > 5 && header[5].equals("volume");
        OhlcvSeries.Builder bars = OhlcvSeries.builder(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length < 5) {
                throw new ProviderFailure(
                        ID, ProviderFailure.Kind.BAD_DATA, "line " + (i + 1) + " has " + cells.length + " cells");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(cells[0]);
            } catch (DateTimeException e) {
                throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "line " + (i + 1) + " has no date");
            }
            bars.add(
                    day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                    ProviderData.parse(ID, cells[1], "open"),
                    ProviderData.parse(ID, cells[2], "high"),
                    ProviderData.parse(ID, cells[3], "low"),
                    ProviderData.parse(ID, cells[4], "close"),
                    hasVolume && !cells[5].isBlank() ? ProviderData.parse(ID, cells[5], "volume") : 0);
        }
        return ProviderData.series(ID, bars);
    }

    private List<String> csv(URI uri) {
        String body = http.getText(ID, uri, Map.of()).strip();
        if (body.startsWith("<")) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "answered HTML instead of CSV");
        }
        if (body.startsWith("Exceeded the daily hits limit")) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.RATE_LIMITED, "daily hits limit exceeded");
        }
        if (body.equals("No data") || body.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no data");
        }
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no rows");
        }
        return lines;
    }
}
