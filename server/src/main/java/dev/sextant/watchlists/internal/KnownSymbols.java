package dev.sextant.watchlists.internal;

import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A watchlist's symbols as every write checks them, over HTTP or through a tool. */
final class KnownSymbols {

    private KnownSymbols() {}

    /**
     * Canonical, de-duplicated, in the order given; every one a symbol Sextant serves, else the
     * whole list is refused naming the unknown ones and {@code remedy} (where to find known ones).
     */
    static List<String> of(MarketDataService marketData, Caller caller, List<String> symbols, String remedy) {
        LinkedHashSet<String> canonical = new LinkedHashSet<>();
        for (String symbol : symbols) {
            canonical.add(symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT));
        }
        List<String> unknown = canonical.stream()
                .filter(s -> s.isEmpty()
                        || s.length() > 32
                        || marketData.instrument(caller, s).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(
                    MarketDataRefusals.UNKNOWN_SYMBOL,
                    "Unknown symbols: " + String.join(", ", unknown) + ". " + remedy,
                    Map.of("symbols", unknown));
        }
        return List.copyOf(canonical);
    }
}
