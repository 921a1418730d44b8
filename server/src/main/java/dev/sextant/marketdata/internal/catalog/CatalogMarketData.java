package dev.sextant.marketdata.internal.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.marketdata.internal.FilingSource;
import dev.sextant.marketdata.internal.InstrumentResolver;
import dev.sextant.marketdata.internal.PriceSource;
import dev.sextant.marketdata.internal.live.LiveFundamentals;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The market-data service: the instrument catalog (cached briefly), search, and the routing of
 * each quote or bar request to the price source that serves the instrument. Checks what every
 * source would check (known symbol, sensible range) once, here.
 */
@Service
public class CatalogMarketData implements MarketDataService {

    private final InstrumentRepository repository;
    private final List<PriceSource> sources;
    private final Cache<String, Optional<Instrument>> catalog = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .recordStats()
            .build();

    /** A bare code a crypto pair may be named by: letters and digits, no quote currency. */
    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("[A-Z0-9]{2,10}");

    /** Every bare code and the USD crypto pair it names: one catalog read a minute, not one per symbol. */
    private final Cache<String, Map<String, Instrument>> aliases = Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    private final List<InstrumentResolver> resolvers;
    /** Served but not stored yet: instruments inferred from their symbol, until a provider answers for one. */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();

    private final LiveFundamentals fundamentals;
    private final List<FilingSource> filingSources;
    private final Clock clock;

    CatalogMarketData(
            InstrumentRepository repository,
            List<PriceSource> sources,
            List<InstrumentResolver> resolvers,
            LiveFundamentals fundamentals,
            List<FilingSource> filingSources,
            Clock clock) {
        this.fundamentals = fundamentals;
        this.filingSources = List.copyOf(filingSources);
        this.repository = repository;
        this.sources = List.copyOf(sources);
        this.resolvers = List.copyOf(resolvers);
        this.clock = clock;
    }

    /** The caches behind market data by name, for the health report and the metrics. */
    Map<String, Cache<?, ?>> caches() {
        Map<String, Cache<?, ?>> caches = new LinkedHashMap<>();
        caches.put("instruments", catalog);
        sources.forEach(source -> caches.putAll(source.caches()));
        return caches;
    }

    /** Forgets what the catalog remembers of a symbol, after it changed (an import). */
    public void evict(String symbol) {
        catalog.invalidate(symbol);
        aliases.invalidateAll();
    }

    /**
     * A catalogued instrument without asking the providers: for work done on nobody's behalf (cache
     * warming), which has no caller whose keys could look a symbol up.
     */
    public Optional<Instrument> catalogued(String symbol) {
        String canonical = symbol.toUpperCase(Locale.ROOT);
        Optional<Instrument> known = catalog.getIfPresent(canonical);
        return known != null ? known : repository.findBySymbol(canonical).filter(this::isServed);
    }

    @Override
    public List<Instrument> instruments(Caller caller) {
        // Sorted here, not by the database: collations differ between H2 and PostgreSQL.
        return repository.findAll().stream()
                .filter(this::isServed)
                .sorted(Comparator.comparing(Instrument::symbol))
                .toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A crypto asset's bare code ({@code BTC}, {@code ETH}, {@code SOL}) is an alias of its USD pair
     * in the catalog ({@code BTC-USD}). An alias that is also a catalogued symbol (an equity or fund
     * ticker) has two meanings: refused as {@link MarketDataRefusals#AMBIGUOUS_SYMBOL}, listing both.
     * The one place symbols are resolved, for the DSL, HTTP and tools alike.
     */
    @Override
    public Optional<Instrument> instrument(Caller caller, String symbol) {
        String canonical = symbol.toUpperCase(Locale.ROOT);
        Optional<Instrument> pair = aliasTarget(canonical);
        if (pair.isPresent()) {
            Optional<Instrument> listed = catalogued(canonical);
            if (listed.isPresent()) {
                throw ambiguous(canonical, List.of(listed.get(), pair.get()));
            }
            return pair;
        }
        return catalog.get(
                canonical,
                s -> repository.findBySymbol(s).filter(this::isServed).or(() -> resolve(s, caller)));
    }

    /** The catalogued USD crypto pair a bare code names, from the catalog only (never the providers). */
    private Optional<Instrument> aliasTarget(String canonical) {
        if (!ALIAS.matcher(canonical).matches()) {
            return Optional.empty();
        }
        Map<String, Instrument> pairs = aliases.get("pairs", key -> {
            Map<String, Instrument> byCode = new java.util.HashMap<>();
            for (Instrument instrument : repository.findAll()) {
                if (instrument.assetClass() == dev.sextant.marketdata.AssetClass.CRYPTO
                        && instrument.symbol().endsWith("-USD")
                        && isServed(instrument)) {
                    byCode.put(
                            instrument.symbol().substring(0, instrument.symbol().length() - 4), instrument);
                }
            }
            return Map.copyOf(byCode);
        });
        return Optional.ofNullable(pairs.get(canonical));
    }

    private static DomainException ambiguous(String alias, List<Instrument> candidates) {
        return new DomainException(
                MarketDataRefusals.AMBIGUOUS_SYMBOL,
                "'" + alias + "' has two meanings: "
                        + String.join(
                                " or ",
                                candidates.stream()
                                        .map(i -> i.symbol() + " (" + i.name() + ", "
                                                + i.assetClass().name().toLowerCase(Locale.ROOT) + ")")
                                        .toList())
                        + ". Write the one you mean.",
                Map.of(
                        "symbol",
                        alias,
                        "candidates",
                        candidates.stream().map(Instrument::symbol).toList()));
    }

    /**
     * Asks the providers about a symbol the catalog lacks; an instrument a provider confirmed joins
     * the catalog.
     */
    private Optional<Instrument> resolve(String symbol, Caller caller) {
        for (InstrumentResolver resolver : resolvers) {
            Optional<InstrumentResolver.Resolved> found = resolver.resolve(symbol, caller);
            if (found.isPresent()) {
                Instrument instrument = found.get().instrument();
                if (found.get().confirmed()) {
                    repository.put(instrument, clock.instant());
                } else {
                    unconfirmed.add(instrument.symbol());
                }
                return Optional.of(instrument);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<SearchHit> search(Caller caller, String text, int limit) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        for (Instrument instrument : instruments(caller)) {
            if (rank(instrument, wanted) >= 0) {
                hits.put(instrument.symbol(), new SearchHit(instrument, List.of(instrument.provider())));
            }
        }
        for (InstrumentResolver resolver : resolvers) {
            resolver.search(wanted, caller)
                    .forEach(found -> hits.merge(found.instrument().symbol(), found, CatalogMarketData::merge));
        }
        record Match(SearchHit hit, int rank) {}
        return hits.values().stream()
                .map(hit -> new Match(hit, rank(hit.instrument(), wanted)))
                .filter(match -> match.rank() >= 0)
                .sorted(Comparator.comparingInt(Match::rank)
                        .thenComparing(match -> match.hit().instrument().symbol()))
                .limit(limit)
                .map(Match::hit)
                .toList();
    }

    /** The catalog's instrument stays; the providers' names are added to it. */
    private static SearchHit merge(SearchHit held, SearchHit found) {
        List<String> providers = new ArrayList<>(held.providers());
        found.providers().stream().filter(p -> !providers.contains(p)).forEach(providers::add);
        return new SearchHit(held.instrument(), providers);
    }

    /** 0: the symbol itself; 1: a symbol starting with it; 2: a name containing it; -1: no match. */
    private static int rank(Instrument instrument, String wanted) {
        if (instrument.symbol().equals(wanted)) {
            return 0;
        }
        if (instrument.symbol().startsWith(wanted)) {
            return 1;
        }
        return instrument.name().toUpperCase(Locale.ROOT).contains(wanted) ? 2 : -1;
    }

    @Override
    public Quote quote(Caller caller, String symbol) {
        Instrument instrument = require(caller, symbol);
        Quote quote = sourceOf(instrument).quote(instrument, caller);
        confirmed(instrument);
        return quote;
    }

    /** A provider answered for an inferred instrument: now it joins the catalog. */
    private void confirmed(Instrument instrument) {
        if (!unconfirmed.isEmpty() && unconfirmed.remove(instrument.symbol())) {
            repository.put(instrument, clock.instant());
        }
    }

    @Override
    public List<Quote> quotes(Caller caller, List<String> symbols) {
        List<String> unknown = symbols.stream()
                .filter(s -> instrument(caller, s).isEmpty())
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(
                    MarketDataRefusals.UNKNOWN_SYMBOL,
                    "Unknown symbols: " + String.join(", ", unknown)
                            + ". GET /api/v1/instruments lists the known ones.",
                    Map.of("symbols", unknown));
        }
        return symbols.stream().map(symbol -> quote(caller, symbol)).toList();
    }

    @Override
    public BarSeries bars(Caller caller, BarRequest request) {
        if (request.from().isAfter(request.to())) {
            throw new DomainException(
                    MarketDataRefusals.INVALID_RANGE,
                    "'from' (" + request.from() + ") is after 'to' (" + request.to() + ").",
                    Map.of("parameter", "from"));
        }
        Instrument instrument = require(caller, request.symbol());
        BarSeries bars = sourceOf(instrument).bars(instrument, request, caller);
        confirmed(instrument);
        return bars;
    }

    @Override
    public Fundamentals fundamentals(Caller caller, String symbol, LocalDate asOf, Set<String> concepts) {
        Instrument instrument = require(caller, symbol);
        for (FilingSource source : filingSources) {
            Optional<Fundamentals> filings = source.fundamentals(instrument, asOf, concepts);
            if (filings.isPresent()) {
                return filings.get();
            }
        }
        return fundamentals.fundamentals(instrument, asOf, concepts);
    }

    private boolean isServed(Instrument instrument) {
        return sources.stream().anyMatch(source -> source.serves(instrument));
    }

    private PriceSource sourceOf(Instrument instrument) {
        return sources.stream()
                .filter(source -> source.serves(instrument))
                .findFirst()
                .orElseThrow();
    }

    private Instrument require(Caller caller, String symbol) {
        return instrument(caller, symbol)
                .orElseThrow(() -> new DomainException(
                        MarketDataRefusals.UNKNOWN_SYMBOL,
                        "Unknown symbol '" + symbol + "'. GET /api/v1/instruments lists the known ones.",
                        Map.of("symbol", symbol)));
    }
}
