package dev.sextant.marketdata.internal.live;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.analytics.series.Resample;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.marketdata.events.MarketDataEvents;
import dev.sextant.marketdata.events.QuoteRefreshed;
import dev.sextant.marketdata.internal.InstrumentResolver;
import dev.sextant.marketdata.internal.PriceSource;
import dev.sextant.marketdata.internal.calendar.ExchangeCalendar;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.ProviderListing;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.UserId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Instruments served by the real providers (catalog provider {@code market}): quotes through the
 * quote cache and the arbitration, bars through the bar store. Answers name the provider that
 * actually delivered. Data bought with a user's own key is cached for that user only. Each quote
 * a provider delivers into the cache publishes {@link QuoteRefreshed}.
 */
public final class LivePrices implements PriceSource, InstrumentResolver {

    public static final String PROVIDER = "market";
    /** When to ask again after no provider could answer: about when throttles and breakers ease. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private static final Pattern CRYPTO_PAIR = Pattern.compile("[A-Z0-9]{2,10}-USD");

    private final Arbitrator arbitrator;
    private final FreshCache<LiveQuote> quotes;
    private final BarHistory history;
    private final Clock clock;
    private final Duration quoteTtl;
    private final Duration staleFor;
    private final boolean sharedCache;
    private final MarketDataEvents events;

    LivePrices(
            Arbitrator arbitrator,
            FreshCache<LiveQuote> quotes,
            BarHistory history,
            Clock clock,
            Duration quoteTtl,
            Duration staleFor,
            boolean sharedCache,
            MarketDataEvents events) {
        this.sharedCache = sharedCache;
        this.events = events;
        this.arbitrator = arbitrator;
        this.quotes = quotes;
        this.history = history;
        this.clock = clock;
        this.quoteTtl = quoteTtl;
        this.staleFor = staleFor;
    }

    public FreshCache<LiveQuote> quoteCache() {
        return quotes;
    }

    public Arbitrator arbitrator() {
        return arbitrator;
    }

    public boolean sharedCache() {
        return sharedCache;
    }

    /** Its instruments, while real providers are switched on: with none, nothing is served from here. */
    @Override
    public boolean serves(Instrument instrument) {
        return PROVIDER.equals(instrument.provider()) && !arbitrator.providers().isEmpty();
    }

    @Override
    public Quote quote(Instrument instrument, Caller caller) {
        return quoteFor(instrument, caller.user().value());
    }

    /** A quote from shared data only, for work done on nobody's behalf (cache warming). */
    public Quote sharedQuote(Instrument instrument) {
        return quoteFor(instrument, null);
    }

    /** A quote for {@code owner} (null: nobody; only shared data then). */
    private Quote quoteFor(Instrument instrument, UUID owner) {
        String symbol = instrument.symbol();
        AssetClass assetClass = instrument.assetClass();
        // Users holding their own keys get their own cache entries: what their keys buy stays theirs.
        boolean personal = owner != null && usesPersonalKey(owner);
        String key = "quote:" + (personal ? "user:" + owner : "public") + ":" + symbol;
        FreshCache.Hit<LiveQuote> hit;
        try {
            hit = quotes.get(
                    key,
                    () -> fetchQuote(symbol, assetClass, personal ? owner : null),
                    fetched -> freshness(instrument));
        } catch (NoProviderAnswered failure) {
            throw problem(failure, symbol);
        }
        LiveQuote quote = hit.value();
        double previous = Double.isNaN(quote.previousClose()) ? quote.price() : quote.previousClose();
        Arbitrator.Conflict conflict = quote.conflict();
        return new Quote(
                symbol,
                quote.price(),
                quote.price() - previous,
                (quote.price() - previous) / previous * 100,
                quote.currency() == null ? instrument.currency() : quote.currency(),
                quote.time(),
                quote.provider(),
                false,
                hit.fetchedAt(),
                hit.stale(),
                conflict == null
                        ? null
                        : new Quote.Conflict(
                                conflict.provider(),
                                conflict.price(),
                                conflict.otherProvider(),
                                conflict.otherPrice()));
    }

    @Override
    public BarSeries bars(Instrument instrument, BarRequest request, Caller caller) {
        UUID owner = caller.user().value();
        BarInterval interval = request.interval();
        BarInterval fetched =
                interval == BarInterval.ONE_WEEK || interval == BarInterval.ONE_MONTH ? BarInterval.ONE_DAY : interval;
        LocalDate from = switch (interval) {
            case ONE_WEEK -> request.from().with(DayOfWeek.MONDAY);
            case ONE_MONTH -> request.from().withDayOfMonth(1);
            default -> request.from();
        };
        Instant start;
        Instant end;
        if (fetched.isIntraday()) {
            ExchangeCalendar calendar = ExchangeCalendar.of(instrument.symbol(), instrument.assetClass());
            start = from.atStartOfDay(calendar.zone()).toInstant();
            end = request.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        } else {
            start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
            end = request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        BarHistory.Bars bars;
        try {
            bars = history.bars(instrument.symbol(), instrument.assetClass(), fetched, start, end, owner);
        } catch (NoProviderAnswered failure) {
            throw problem(failure, instrument.symbol());
        }
        OhlcvSeries series = switch (interval) {
            case ONE_WEEK -> Resample.to(bars.bars(), BarInterval.ONE_WEEK);
            case ONE_MONTH -> Resample.to(bars.bars(), BarInterval.ONE_MONTH);
            default -> bars.bars();
        };
        return new BarSeries(
                instrument.symbol(), interval, bars.provider(), false, series, bars.fetchedAt(), bars.stale());
    }

    @Override
    public Optional<Resolved> resolve(String symbol, Caller caller) {
        for (ProviderListing series : arbitrator.catalogue()) {
            if (series.symbol().equals(symbol)
                    && series.assetClass() == AssetClass.MACRO
                    && arbitrator.anyCan(Capability.QUOTES, symbol, AssetClass.MACRO)) {
                return Optional.of(new Resolved(
                        new Instrument(
                                symbol,
                                series.name(),
                                series.exchange(),
                                AssetClass.MACRO,
                                series.currency(),
                                PROVIDER,
                                false),
                        false));
            }
        }
        Optional<ProviderListing> listing;
        NoProviderAnswered lookupFailed = null;
        try {
            listing = arbitrator.lookup(symbol, caller.user().value());
        } catch (NoProviderAnswered failure) {
            listing = Optional.empty();
            lookupFailed = failure;
        }
        if (listing.isPresent()
                && arbitrator.anyCan(Capability.QUOTES, symbol, listing.get().assetClass())) {
            ProviderListing found = listing.get();
            return Optional.of(new Resolved(
                    new Instrument(
                            symbol,
                            found.name(),
                            found.exchange(),
                            found.assetClass(),
                            found.currency() == null ? "USD" : found.currency(),
                            PROVIDER,
                            false),
                    true));
        }
        if (CRYPTO_PAIR.matcher(symbol).matches() && arbitrator.anyCan(Capability.QUOTES, symbol, AssetClass.CRYPTO)) {
            String base = symbol.substring(0, symbol.length() - 4);
            return Optional.of(new Resolved(
                    new Instrument(symbol, base + " USD", "CCC", AssetClass.CRYPTO, "USD", PROVIDER, false), false));
        }
        return priced(symbol, lookupFailed, caller.user().value());
    }

    /**
     * No provider lists the symbol (none of those enabled searches, say): it is still an instrument
     * if one of them prices it. Its name is then its symbol. When the providers could not be asked
     * at all, the answer is "unavailable", never "unknown".
     */
    private Optional<Resolved> priced(String symbol, NoProviderAnswered lookupFailed, UUID owner) {
        AssetClass guess = symbol.startsWith("^") ? AssetClass.INDEX : AssetClass.EQUITY;
        if (!arbitrator.anyCan(Capability.QUOTES, symbol, guess)) {
            if (lookupFailed != null && !lookupFailed.notFound()) {
                throw problem(lookupFailed, symbol);
            }
            return Optional.empty();
        }
        try {
            Arbitrator.Answer<Arbitrator.CheckedQuote> answer = arbitrator.quote(symbol, guess, owner);
            String currency = answer.value().quote().currency();
            return Optional.of(new Resolved(
                    new Instrument(symbol, symbol, "?", guess, currency == null ? "USD" : currency, PROVIDER, false),
                    true));
        } catch (NoProviderAnswered failure) {
            if (!failure.notFound()) {
                throw problem(failure, symbol);
            }
            return Optional.empty();
        }
    }

    @Override
    public List<SearchHit> search(String text, Caller caller) {
        List<SearchHit> hits = new ArrayList<>();
        arbitrator.search(text, caller.user().value()).forEach((symbol, listings) -> {
            ProviderListing first = listings.getFirst();
            if (!arbitrator.anyCan(Capability.QUOTES, symbol, first.assetClass())) {
                return; // listed, but no enabled provider could price it
            }
            hits.add(new SearchHit(
                    new Instrument(
                            symbol,
                            first.name(),
                            first.exchange(),
                            first.assetClass(),
                            first.currency() == null ? "USD" : first.currency(),
                            PROVIDER,
                            false),
                    listings.stream().map(ProviderListing::provider).distinct().toList()));
        });
        return hits;
    }

    private LiveQuote fetchQuote(String symbol, AssetClass assetClass, UUID owner) {
        Arbitrator.Answer<Arbitrator.CheckedQuote> answer = arbitrator.quote(symbol, assetClass, owner);
        var quote = answer.value().quote();
        arbitrator
                .provider(answer.provider())
                .ifPresent(p -> p.score().freshness(freshnessOf(symbol, assetClass, quote.time())));
        // Only here, where a provider was asked: a read the cache answers is no news.
        events.publish(new QuoteRefreshed(
                symbol,
                quote.price(),
                quote.time(),
                answer.provider(),
                false,
                owner == null || BarStore.PUBLIC.equals(answer.scope())
                        ? Optional.empty()
                        : Optional.of(new UserId(owner))));
        return new LiveQuote(
                quote.price(),
                quote.previousClose(),
                quote.currency(),
                quote.time(),
                answer.provider(),
                answer.scope(),
                answer.value().conflict());
    }

    /**
     * Fresh for the quote TTL while the market trades; while it is closed, until it opens again (at
     * most 12 hours). Macro series change at most daily: an hour.
     */
    private FreshCache.Freshness freshness(Instrument instrument) {
        Instant now = clock.instant();
        Instant freshUntil = now.plus(quoteTtl);
        if (instrument.assetClass() == AssetClass.MACRO) {
            freshUntil = now.plus(Duration.ofHours(1));
        } else {
            ExchangeCalendar calendar = ExchangeCalendar.of(instrument.symbol(), instrument.assetClass());
            if (!calendar.isOpen(now)) {
                Instant nextOpen = calendar.nextOpen(now);
                Instant cap = now.plus(Duration.ofHours(12));
                Instant untilOpen = nextOpen.isBefore(cap) ? nextOpen : cap;
                freshUntil = untilOpen.isAfter(freshUntil) ? untilOpen : freshUntil;
            }
        }
        return new FreshCache.Freshness(freshUntil, freshUntil.plus(staleFor));
    }

    /** 1 when the quote is as recent as the market allows, falling to 0 at a day old while it trades. */
    private double freshnessOf(String symbol, AssetClass assetClass, Instant time) {
        if (assetClass == AssetClass.MACRO) {
            return 1;
        }
        ExchangeCalendar calendar = ExchangeCalendar.of(symbol, assetClass);
        Instant now = clock.instant();
        if (!calendar.isOpen(now)) {
            return 1;
        }
        double minutes = Math.max(0, Duration.between(time, now).toMinutes() - 20);
        return 1 - minutes / (24 * 60);
    }

    private boolean usesPersonalKey(UUID owner) {
        return arbitrator.providers().stream()
                .anyMatch(p ->
                        p.profile().licence() == DataLicence.KEY_OWNER_ONLY && arbitrator.personalKey(p.id(), owner));
    }

    private DomainException problem(NoProviderAnswered failure, String symbol) {
        if (failure.notFound()) {
            return new DomainException(
                    MarketDataRefusals.NO_DATA,
                    "No provider has data for " + symbol + ".",
                    Map.of("symbol", symbol, "providers", failure.outcomes()));
        }
        return new DomainException(
                MarketDataRefusals.UPSTREAM_UNAVAILABLE,
                "No market data provider could answer for " + symbol + " just now; try again shortly.",
                Map.of("symbol", symbol, "providers", failure.outcomes()),
                RETRY_AFTER);
    }
}
