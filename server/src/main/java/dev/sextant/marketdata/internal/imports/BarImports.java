package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.events.ImportFinished;
import dev.sextant.marketdata.events.MarketDataEvents;
import dev.sextant.marketdata.internal.InstrumentResolver;
import dev.sextant.marketdata.internal.catalog.CatalogMarketData;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.marketdata.internal.demo.DemoCatalog;
import dev.sextant.marketdata.internal.demo.DemoInstrument;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file of bars for a symbol: all of it or, on any problem, none of it. An imported
 * symbol belongs to the account whose import created it: only that account imports under it again;
 * an administrator may override (audited). A symbol another source serves or would serve (the
 * demo market's, whether it is on or not, and any a real provider knows) is never taken. A
 * committed import publishes {@link ImportFinished}.
 */
@Service
class BarImports {

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

    private static final Set<String> DEMO_SYMBOLS =
            DemoCatalog.instruments().stream().map(DemoInstrument::symbol).collect(Collectors.toUnmodifiableSet());

    private final InstrumentRepository instruments;
    private final ImportOwners owners;
    private final BarStore store;
    private final CatalogMarketData catalog;
    private final List<InstrumentResolver> resolvers;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final MarketDataEvents events;
    private final Clock clock;

    BarImports(
            InstrumentRepository instruments,
            ImportOwners owners,
            BarStore store,
            CatalogMarketData catalog,
            List<InstrumentResolver> resolvers,
            AuditLog audit,
            TransactionTemplate transaction,
            MarketDataEvents events,
            Clock clock) {
        this.instruments = instruments;
        this.owners = owners;
        this.store = store;
        this.catalog = catalog;
        this.resolvers = List.copyOf(resolvers);
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param override an administrator's explicit choice to import over a symbol another account
     *     owns; ignored for anyone else
     */
    Imported importFile(
            Caller caller,
            boolean override,
            String symbol,
            String name,
            AssetClass assetClass,
            String currency,
            BarInterval interval,
            byte[] content) {
        OhlcvSeries bars = BarFileParser.parse(content, new BarHorizon(interval, clock.instant()));
        Optional<Instrument> existing = instruments.findBySymbol(symbol);
        existing.ifPresent(held -> {
            if (!ImportedPrices.PROVIDER.equals(held.provider())) {
                throw taken(symbol, "is served by '" + held.provider() + "'");
            }
        });
        if (existing.isEmpty()) {
            // Outside the transaction: asking the providers may take a network round trip.
            refuseSymbolsOfOtherSources(symbol, caller);
        }
        Instant now = clock.instant();
        Imported imported = transaction.execute(status -> {
            authorise(caller, override, symbol, existing.isPresent(), now);
            instruments.addIfAbsent(
                    new Instrument(symbol, name, "IMPORT", assetClass, currency, ImportedPrices.PROVIDER, false), now);
            BarStore.Written written = store.write(symbol, interval, bars, ImportedPrices.PROVIDER, now);
            return new Imported(
                    symbol,
                    interval.code(),
                    ImportedPrices.PROVIDER,
                    bars.size(),
                    written.added(),
                    written.restated(),
                    Instant.ofEpochSecond(bars.time(0)),
                    Instant.ofEpochSecond(bars.time(bars.size() - 1)),
                    written.knownAt());
        });
        catalog.evict(symbol);
        // After the transaction returned: the import is durable, and its BarsStored went out first.
        events.publish(new ImportFinished(
                symbol,
                caller.user(),
                interval,
                imported.bars(),
                imported.added(),
                imported.restated(),
                imported.knownAt()));
        return imported;
    }

    /**
     * A new symbol is the caller's once claimed; an imported one only its owner imports under again.
     * An administrator's override is audited with the owner it overrode; it leaves the owner as it
     * was. Imports made before owners were kept have none: only an administrator may replace them.
     */
    private void authorise(Caller caller, boolean override, String symbol, boolean imported, Instant now) {
        UUID callerId = caller.user().value();
        Optional<UUID> owner = owners.ownerOf(symbol);
        if (owner.isEmpty() && !imported) {
            if (!owners.claim(symbol, callerId, now)) {
                // Another import claimed the new symbol a moment ago; its owner is someone else.
                throw owned(symbol, caller, symbol + " is owned by another account (imported a moment ago).");
            }
            return;
        }
        if (owner.isPresent() && owner.get().equals(callerId)) {
            return;
        }
        String why = owner.isPresent()
                ? symbol + " is owned by another account."
                : symbol + " was imported before imports had owners: no account owns it, and only an administrator"
                        + " may import under it.";
        if (!caller.has(Role.ADMIN) || !override) {
            throw owned(symbol, caller, why);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("owner", owner.map(UUID::toString).orElse("none"));
        audit.record(AuditEventType.IMPORT_OVERRIDDEN, caller.user().toString(), symbol, details);
    }

    /**
     * The demo market's symbols are reserved (it may be switched on again, and then an import would
     * shadow it for everyone), and so is any symbol a real provider knows. When the providers cannot
     * be asked, the resolver's 503 refuses the import: a symbol is never taken unchecked.
     */
    private void refuseSymbolsOfOtherSources(String symbol, Caller caller) {
        if (DEMO_SYMBOLS.contains(symbol)) {
            throw taken(symbol, "is a symbol of the demo market");
        }
        for (InstrumentResolver resolver : resolvers) {
            if (resolver.resolve(symbol, caller).isPresent()) {
                throw taken(symbol, "is served by the real market-data providers");
            }
        }
    }

    private static DomainException taken(String symbol, String why) {
        return new DomainException(
                MarketDataRefusals.SYMBOL_TAKEN,
                symbol + " " + why + "; import under another symbol, e.g. " + symbol + ".IMP.",
                Map.of("symbol", symbol));
    }

    /** Names the symbol, never the owner: who imported what is not another analyst's business. */
    private static DomainException owned(String symbol, Caller caller, String why) {
        String remedy = caller.has(Role.ADMIN)
                ? " As an administrator you may import over it with override=true (audited)."
                : " Import under another symbol, e.g. " + symbol + ".IMP.";
        return new DomainException(MarketDataRefusals.IMPORT_OWNED, why + remedy, Map.of("symbol", symbol));
    }
}
