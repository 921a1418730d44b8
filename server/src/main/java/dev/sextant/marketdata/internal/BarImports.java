package dev.sextant.marketdata.internal;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a file of bars for a symbol: all of it or, on any problem, none of it. */
@Service
class BarImports {

    static final ProblemType SYMBOL_TAKEN = ProblemType.of("symbol-taken", 409, "Symbol served by another source");

    /** What an import stored. */
    record Imported(
            String symbol,
            String interval,
            String provider,
            int bars,
            int added,
            int restated,
            Instant from,
            Instant to,
            Instant knownAt) {}

    private final InstrumentRepository instruments;
    private final BarStore store;
    private final CatalogMarketData catalog;
    private final Clock clock;

    BarImports(InstrumentRepository instruments, BarStore store, CatalogMarketData catalog, Clock clock) {
        this.instruments = instruments;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    Imported importFile(
            String symbol, String name, AssetClass assetClass, String currency, BarInterval interval, byte[] content) {
        OhlcvSeries bars = BarFileParser.parse(content);
        instruments.findBySymbol(symbol).ifPresent(existing -> {
            if (!ImportedPrices.PROVIDER.equals(existing.provider())) {
                throw new ApiProblem(
                        SYMBOL_TAKEN,
                        symbol + " is served by '" + existing.provider() + "'; import under another symbol, e.g. "
                                + symbol + ".IMP.",
                        Map.of("symbol", symbol));
            }
        });
        Instant now = clock.instant();
        instruments.addIfAbsent(
                new Instrument(symbol, name, "IMPORT", assetClass, currency, ImportedPrices.PROVIDER, false), now);
        BarStore.Written written = store.write(symbol, interval, bars, ImportedPrices.PROVIDER, now);
        catalog.evict(symbol);
        return new Imported(
                symbol,
                interval.code(),
                ImportedPrices.PROVIDER,
                bars.size(),
                written.added(),
                written.restated(),
                Instant.ofEpochSecond(bars.time(0)),
                Instant.ofEpochSecond(bars.time(bars.size() - 1)),
                now);
    }
}
