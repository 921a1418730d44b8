package dev.sextant.marketdata.internal.provider;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * FRED's graph CSV (keyless): US macro series under short canonical symbols. A value per period
 * becomes a bar with open = high = low = close and no volume; FRED's "." (no value that day) is
 * skipped.
 */
public final class FredProvider extends HttpProvider {

    public static final String ID = "fred";

    /** A macro series Sextant names: its FRED id, its unit, and what it is. */
    public record Series(String symbol, String fredId, String unit, String name) {}

    public static final List<Series> SERIES = List.of(
            new Series("US10Y", "DGS10", "PCT", "US 10-year Treasury yield"),
            new Series("US2Y", "DGS2", "PCT", "US 2-year Treasury yield"),
            new Series("US3M", "DTB3", "PCT", "US 3-month Treasury bill rate"),
            new Series("CPI", "CPIAUCSL", "IDX", "US consumer price index (all urban, seasonally adjusted)"),
            new Series("VIX", "VIXCLS", "IDX", "CBOE volatility index (close)"),
            new Series("DXY", "DTWEXBGS", "IDX", "Nominal broad US dollar index"),
            new Series("UNRATE", "UNRATE", "PCT", "US unemployment rate"),
            new Series("GDP", "GDP", "USD", "US gross domestic product (billions, annual rate)"),
            new Series("FEDFUNDS", "FEDFUNDS", "PCT", "Effective federal funds rate"));

    private static final Map<String, Series> BY_SYMBOL = bySymbol();

    private static final ProviderProfile PROFILE = ProviderProfile.named(ID)
            .describedAs("FRED graph CSV (keyless, US macro series)")
            .assetClasses(EnumSet.of(AssetClass.MACRO))
            .intervals(EnumSet.of(BarInterval.ONE_DAY))
            .capabilities(EnumSet.of(
                    ProviderProfile.Capability.QUOTES,
                    ProviderProfile.Capability.BARS,
                    ProviderProfile.Capability.SEARCH))
            .historyYears(80)
            .keyless()
            .rateLimit(ProviderProfile.RateLimit.perMinute(60))
            .licence(DataLicence.SHARED)
            .trust(1.0)
            .build();

    private final Clock clock;

    public FredProvider(ProviderHttp http, URI base, Clock clock) {
        super(http, base, PROFILE);
        this.clock = clock;
    }

    @Override
    public Optional<String> providerSymbol(String symbol, AssetClass assetClass) {
        return assetClass == AssetClass.MACRO || assetClass == null
                ? Optional.ofNullable(BY_SYMBOL.get(symbol)).map(Series::fredId)
                : Optional.empty();
    }

    @Override
    public ProviderQuote quote(String symbol, AssetClass assetClass, ProviderKey key) {
        Series series = series(symbol);
        // Two years covers the two latest values of every series listed, even quarterly GDP.
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        OhlcvSeries values = read(series, today.minusYears(2), today);
        if (values.isEmpty()) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no values for " + series.fredId());
        }
        int last = values.size() - 1;
        return ProviderData.quote(
                ID,
                symbol,
                values.close(last),
                last > 0 ? values.close(last - 1) : Double.NaN,
                series.unit(),
                Instant.ofEpochSecond(values.time(last)));
    }

    @Override
    public OhlcvSeries bars(
            String symbol, AssetClass assetClass, BarInterval interval, Instant from, Instant to, ProviderKey key) {
        ProviderData.requireDaily(ID, interval);
        return read(
                series(symbol),
                LocalDate.ofInstant(from, ZoneOffset.UTC),
                LocalDate.ofInstant(to.minusSeconds(1), ZoneOffset.UTC));
    }

    @Override
    public boolean searchesLocally() {
        return true;
    }

    @Override
    public List<ProviderListing> catalogue() {
        return SERIES.stream()
                .map(series -> new ProviderListing(
                        ID, series.symbol(), series.name(), "FRED", AssetClass.MACRO, series.unit()))
                .toList();
    }

    @Override
    public List<ProviderListing> search(String text, ProviderKey key) {
        String wanted = text.toUpperCase(Locale.ROOT);
        List<ProviderListing> listings = new ArrayList<>();
        for (Series series : SERIES) {
            if (series.symbol().startsWith(wanted)
                    || series.name().toUpperCase(Locale.ROOT).contains(wanted)) {
                listings.add(new ProviderListing(
                        ID, series.symbol(), series.name(), "FRED", AssetClass.MACRO, series.unit()));
            }
        }
        return listings;
    }

    private OhlcvSeries read(Series series, LocalDate from, LocalDate to) {
        String body = http.getText(
                        ID,
                        base.resolve("/graph/fredgraph.csv?id=" + series.fredId() + "&cosd=" + from + "&coed=" + to),
                        Map.of())
                .strip();
        if (body.startsWith("<")) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "answered HTML instead of CSV");
        }
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).toUpperCase(Locale.ROOT).contains(series.fredId())) {
            throw new ProviderFailure(
                    ID, ProviderFailure.Kind.BAD_DATA, "CSV without a " + series.fredId() + " column");
        }
        OhlcvSeries.Builder bars = OhlcvSeries.builder(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 2) {
                throw new ProviderFailure(
                        ID, ProviderFailure.Kind.BAD_DATA, "line " + (i + 1) + " has " + cells.length + " cells");
            }
            if (cells[1].strip().equals(".") || cells[1].isBlank()) {
                continue;
            }
            long time;
            try {
                time = LocalDate.parse(cells[0].strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
            } catch (DateTimeException e) {
                throw new ProviderFailure(ID, ProviderFailure.Kind.BAD_DATA, "line " + (i + 1) + " has no date");
            }
            double value = ProviderData.parse(ID, cells[1], "value");
            bars.add(time, value, value, value, value, 0);
        }
        return ProviderData.series(ID, bars);
    }

    private static Series series(String symbol) {
        Series series = BY_SYMBOL.get(symbol);
        if (series == null) {
            throw new ProviderFailure(ID, ProviderFailure.Kind.NOT_FOUND, "no macro series " + symbol);
        }
        return series;
    }

    private static Map<String, Series> bySymbol() {
        Map<String, Series> map = new LinkedHashMap<>();
        SERIES.forEach(series -> map.put(series.symbol(), series));
        return Map.copyOf(map);
    }
}
