package dev.sextant.watchlists.internal;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.Caller;
import dev.sextant.watchlists.Universes;
import dev.sextant.watchlists.Watchlists.Watchlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/** The built-in universes, computed from the instrument catalog, and the user's watchlists. */
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

    private final MarketDataService marketData;
    private final WatchlistRepository watchlists;

    UniverseCatalog(MarketDataService marketData, WatchlistRepository watchlists) {
        this.marketData = marketData;
        this.watchlists = watchlists;
    }

    @Override
    public List<Universe> available(Caller caller) {
        List<Instrument> instruments = marketData.instruments(caller);
        List<Universe> universes = new ArrayList<>();
        for (BuiltIn builtIn : BUILT_IN) {
            universes.add(builtIn(builtIn, instruments));
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
        return BUILT_IN.stream()
                .filter(builtIn -> builtIn.name().equals(name))
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
