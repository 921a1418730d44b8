package dev.sextant.watchlists.internal;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.Caller;
import dev.sextant.watchlists.Universes;
import dev.sextant.watchlists.Watchlists.Watchlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The built-in universes, computed from the instrument catalog, and the user's watchlists. Besides
 * the asset-class universes, the markets FIML users name: exchanges (the catalog's listing exchange,
 * as each provider spells it), US sectors and indices (from the bundled {@link UsClassification}),
 * each holding the catalog's instruments that belong. Names match in any case ({@code SCAN nasdaq}).
 */
@Service
class UniverseCatalog implements Universes {

    static final String WATCHLIST_PREFIX = "watchlist:";

    private record BuiltIn(String name, String description, Predicate<Instrument> member) {}

    private static final List<BuiltIn> BUILT_IN = List.of(
            new BuiltIn(
                    "demo",
                    "Every tradable instrument of the built-in demo market (synthetic prices)",
                    i -> i.demo() && i.assetClass() != AssetClass.MACRO),
            new BuiltIn("us-equities", "US-listed stocks", i -> i.assetClass() == AssetClass.EQUITY),
            new BuiltIn("etfs", "Exchange-traded funds", i -> i.assetClass() == AssetClass.ETF),
            new BuiltIn("crypto", "Crypto assets, quoted in USD", i -> i.assetClass() == AssetClass.CRYPTO),
            new BuiltIn(
                    "macro",
                    "Macro series: rates, inflation, volatility (MACRO statements read them)",
                    i -> i.assetClass() == AssetClass.MACRO));

    /** How providers spell each exchange (upper case, spaces removed): Yahoo, Polygon's MICs, Alpha Vantage, the demo. */
    private static final Map<String, String> EXCHANGES = Map.ofEntries(
            Map.entry("NASDAQ", "NASDAQ"),
            Map.entry("NMS", "NASDAQ"),
            Map.entry("NGM", "NASDAQ"),
            Map.entry("NCM", "NASDAQ"),
            Map.entry("NASDAQGS", "NASDAQ"),
            Map.entry("NASDAQGM", "NASDAQ"),
            Map.entry("NASDAQCM", "NASDAQ"),
            Map.entry("XNAS", "NASDAQ"),
            Map.entry("NYSE", "NYSE"),
            Map.entry("NYQ", "NYSE"),
            Map.entry("XNYS", "NYSE"),
            Map.entry("NYSEARCA", "NYSEARCA"),
            Map.entry("ARCX", "NYSEARCA"),
            Map.entry("PCX", "NYSEARCA"),
            Map.entry("AMEX", "AMEX"),
            Map.entry("NYSEAMERICAN", "AMEX"),
            Map.entry("NYSEMKT", "AMEX"),
            Map.entry("ASE", "AMEX"),
            Map.entry("XASE", "AMEX"));

    private static final Map<String, String> EXCHANGE_NAMES = Map.of(
            "NASDAQ", "Nasdaq",
            "NYSE", "the New York Stock Exchange",
            "NYSEARCA", "NYSE Arca",
            "AMEX", "NYSE American (the former AMEX)");

    private static final List<BuiltIn> MARKETS = markets(UsClassification.bundled());

    private final MarketDataService marketData;
    private final WatchlistRepository watchlists;

    UniverseCatalog(MarketDataService marketData, WatchlistRepository watchlists) {
        this.marketData = marketData;
        this.watchlists = watchlists;
    }

    /** The listing exchange as Sextant names it, if it is one of those it names. */
    static Optional<String> exchange(Instrument instrument) {
        return Optional.ofNullable(
                EXCHANGES.get(instrument.exchange().toUpperCase(Locale.ROOT).replace(" ", "")));
    }

    private static List<BuiltIn> markets(UsClassification classification) {
        List<BuiltIn> markets = new ArrayList<>();
        for (String code : List.of("NASDAQ", "NYSE", "NYSEARCA", "AMEX")) {
            markets.add(new BuiltIn(
                    code,
                    "Stocks and funds listed on " + EXCHANGE_NAMES.get(code),
                    i -> (i.assetClass() == AssetClass.EQUITY || i.assetClass() == AssetClass.ETF)
                            && exchange(i).filter(code::equals).isPresent()));
        }
        for (String sector : UsClassification.SECTORS) {
            String words = sector.substring(3).replace('_', ' ').toLowerCase(Locale.ROOT);
            markets.add(new BuiltIn(
                    sector,
                    "US stocks of the " + words + " sector (GICS, bundled map of well-known companies)",
                    i -> i.assetClass() == AssetClass.EQUITY
                            && classification
                                    .sector(i.symbol())
                                    .filter(sector::equals)
                                    .isPresent()));
        }
        Map<String, String> indexNames = Map.of(
                "SP500", "S&P 500 members (those in the bundled list: the best-known, not all 500)",
                "NASDAQ100", "Nasdaq-100 members (those in the bundled list: the best-known, not all 100)",
                "DOW30", "Dow Jones Industrial Average members (all 30, as of late 2024)");
        for (String index : UsClassification.INDICES) {
            markets.add(new BuiltIn(
                    index,
                    indexNames.get(index),
                    i -> i.assetClass() == AssetClass.EQUITY && classification.inIndex(i.symbol(), index)));
        }
        return List.copyOf(markets);
    }

    @Override
    public List<Universe> available(Caller caller) {
        List<Instrument> instruments = marketData.instruments(caller);
        List<Universe> universes = new ArrayList<>();
        for (BuiltIn builtIn : BUILT_IN) {
            universes.add(builtIn(builtIn, instruments));
        }
        for (BuiltIn market : MARKETS) {
            universes.add(builtIn(market, instruments));
        }
        for (Watchlist list : watchlists.findByOwner(caller.user().value())) {
            universes.add(new Universe(
                    WATCHLIST_PREFIX + list.name(), "Your watchlist '" + list.name() + "'", false, list.symbols()));
        }
        return universes;
    }

    @Override
    public Optional<Universe> find(Caller caller, String name) {
        if (name.startsWith(WATCHLIST_PREFIX)) {
            String listName = name.substring(WATCHLIST_PREFIX.length());
            return watchlists.findByOwner(caller.user().value()).stream()
                    .filter(list -> list.name().equals(listName))
                    .findFirst()
                    .map(list -> new Universe(name, "Your watchlist '" + listName + "'", false, list.symbols()));
        }
        return java.util.stream.Stream.concat(BUILT_IN.stream(), MARKETS.stream())
                .filter(builtIn -> builtIn.name().equalsIgnoreCase(name))
                .findFirst()
                .map(builtIn -> builtIn(builtIn, marketData.instruments(caller)));
    }

    private static Universe builtIn(BuiltIn builtIn, List<Instrument> instruments) {
        return new Universe(
                builtIn.name(),
                builtIn.description(),
                true,
                instruments.stream()
                        .filter(builtIn.member())
                        .map(Instrument::symbol)
                        .toList());
    }
}
