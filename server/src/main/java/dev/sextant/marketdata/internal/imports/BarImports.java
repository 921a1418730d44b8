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
import org.jspecify.annotations.Nullable;
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

    /**
     * What an import stored.
     *
     * @param skipped the file's bad rows left out (only with {@code skipInvalid}; 0 otherwise)
     */
    record Imported(
            String symbol,
            String interval,
            String provider,
            int bars,
            int added,
            int restated,
            int skipped,
            Instant from,
            Instant to,
            Instant knownAt) {}

    /** The rows a preview shows, and the bad rows it names at most. */
    static final int PREVIEW_ROWS = 20;

    static final int PREVIEW_PROBLEMS = 100;

    /**
     * A file as an import would read it, nothing stored.
     *
     * @param format {@code csv} or {@code json}
     * @param counts what {@code line} numbers count: {@code line} (CSV, the header is line 1) or {@code bar}
     *     (JSON, the array's elements from 1)
     * @param columns the CSV header's column names, lower case (empty for JSON)
     * @param rows the rows read (blank lines not counted)
     * @param valid the rows an import would store
     * @param invalid the rows an import refuses (all of the file) or skips (with {@code skipInvalid})
     * @param bars the first good rows, at most {@value #PREVIEW_ROWS}, oldest first
     * @param problems the first bad rows, at most {@value #PREVIEW_PROBLEMS}, in file order
     * @param from the first good bar's start; null when none
     * @param to the last good bar's start; null when none
     */
    record Preview(
            String format,
            String counts,
            List<String> columns,
            int rows,
            int valid,
            int invalid,
            List<PreviewBar> bars,
            List<PreviewProblem> problems,
            @Nullable Instant from,
            @Nullable Instant to) {}

    /** A good row: the line (or bar) it came from and the bar read. */
    record PreviewBar(int line, Instant time, double open, double high, double low, double close, double volume) {}

    /**
     * A bad row.
     *
     * @param problem what is wrong with it
     * @param text the line as written (CSV; empty for JSON), at most 120 characters, other than
     *     printable characters shown as '?', and a cell a spreadsheet would take for a formula
     *     ({@code =}, {@code +}, {@code -}, {@code @} before anything but a number) quoted with a leading {@code '}
     */
    record PreviewProblem(int line, String problem, String text) {}

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
     * @param skipInvalid import the file's good rows and leave out its bad ones (as {@link #preview}
     *     names them) instead of refusing the file
     */
    Imported importFile(
            Caller caller,
            boolean override,
            String symbol,
            String name,
            AssetClass assetClass,
            String currency,
            BarInterval interval,
            boolean skipInvalid,
            byte[] content) {
        BarHorizon horizon = new BarHorizon(interval, clock.instant());
        OhlcvSeries bars;
        int skipped = 0;
        if (skipInvalid) {
            BarFileParser.Reading reading = BarFileParser.read(content, horizon, PREVIEW_PROBLEMS);
            bars = BarFileParser.series(reading.good());
            skipped = reading.problemCount();
        } else {
            bars = BarFileParser.parse(content, horizon);
        }
        int left = skipped;
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
                    left,
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

    /** Reads a file as {@link #importFile} would, storing nothing: its first rows and its bad rows. */
    Preview preview(BarInterval interval, byte[] content) {
        BarFileParser.Reading reading =
                BarFileParser.read(content, new BarHorizon(interval, clock.instant()), PREVIEW_PROBLEMS);
        List<String> lines = reading.format().equals("csv") ? BarFileParser.lines(content) : List.of();
        List<PreviewBar> bars = reading.good().stream()
                .limit(PREVIEW_ROWS)
                .map(row -> new PreviewBar(
                        row.line(),
                        Instant.ofEpochSecond(row.time()),
                        row.open(),
                        row.high(),
                        row.low(),
                        row.close(),
                        row.volume()))
                .toList();
        List<PreviewProblem> problems = reading.problems().stream()
                .sorted(java.util.Comparator.comparingInt(BarFileParser.Problem::where))
                .map(problem -> new PreviewProblem(
                        problem.where(),
                        problem.what(),
                        problem.where() >= 1 && problem.where() <= lines.size()
                                ? shown(lines.get(problem.where() - 1))
                                : ""))
                .toList();
        List<BarFileParser.Row> good = reading.good();
        return new Preview(
                reading.format(),
                reading.format().equals("csv") ? "line" : "bar",
                reading.header(),
                reading.rows(),
                good.size(),
                reading.problemCount(),
                bars,
                problems,
                good.isEmpty() ? null : Instant.ofEpochSecond(good.getFirst().time()),
                good.isEmpty() ? null : Instant.ofEpochSecond(good.getLast().time()));
    }

    /** A bad line as the preview shows it: short, printable, and no cell a spreadsheet would run. */
    static String shown(String line) {
        String printable = line.length() > 120 ? line.substring(0, 120) + "..." : line;
        printable = printable.replaceAll("[^\\x20-\\x7E\\t]", "?");
        StringBuilder out = new StringBuilder();
        String[] cells = printable.split("(?<=[,;\\t])", -1);
        for (String cell : cells) {
            String body = cell.stripLeading();
            boolean formula = !body.isEmpty() && "=+-@".indexOf(body.charAt(0)) >= 0 && !body.matches("[+-]\\d.*");
            out.append(formula ? "'" + cell : cell);
        }
        return out.toString().replace('\t', ' ');
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
