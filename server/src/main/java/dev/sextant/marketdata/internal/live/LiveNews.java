package dev.sextant.marketdata.internal.live;

import dev.sextant.analytics.news.SentimentScore;
import dev.sextant.analytics.news.SentimentScorer;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.NewsProvenance;
import dev.sextant.marketdata.NewsProvenance.ProviderOutcome;
import dev.sextant.marketdata.internal.news.NewsRead;
import dev.sextant.marketdata.internal.news.NewsStore;
import dev.sextant.marketdata.internal.news.NewsText;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.ProviderArticle;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Real instruments' news: read from the {@link NewsStore} as of a moment, after bringing the
 * symbol's news up to date when the read is for the present and the last fetch is older than the
 * freshness window. A fetch asks every eligible news provider at once through its guards
 * ({@link Arbitrator#every}), scores the articles that carry no score of their own, and stores them
 * (deduplicated) known at the fetch's moment; one failing provider leaves the others' articles,
 * and the provenance says which failed. One fetch per symbol and scope at a time on a node; the
 * stored fetch record keeps other nodes from repeating it within the window.
 *
 * <p>Articles a user's own key bought from a provider whose licence keeps its data with the key's
 * owner are stored in that user's scope and read by that user alone, as for quotes and bars.
 */
public final class LiveNews {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9^.=_-]{1,32}");

    private final Arbitrator arbitrator;
    private final NewsStore store;
    private final SentimentScorer scorer;
    private final Clock clock;
    private final NewsProperties properties;
    private final SingleFlight<String, Fetched> flights = new SingleFlight<>();

    /** A fetch as the read reports it. */
    private record Fetched(@Nullable Instant fetchedAt, List<ProviderOutcome> outcomes, boolean stale) {}

    LiveNews(Arbitrator arbitrator, NewsStore store, SentimentScorer scorer, Clock clock, NewsProperties properties) {
        this.arbitrator = arbitrator;
        this.store = store;
        this.scorer = scorer;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Up to {@code limit} articles about the instrument published in {@code [from, to)}, as known at
     * {@code asOf} (null: now, after a fetch when due), newest first, after {@code after}.
     *
     * @param owner the caller (null: nobody, shared data only)
     */
    public NewsRead read(
            Instrument instrument,
            Instant from,
            Instant to,
            @Nullable Instant asOf,
            int limit,
            NewsStore.@Nullable Position after,
            @Nullable UUID owner) {
        String symbol = instrument.symbol();
        boolean personal = owner != null && usesPersonalKey(owner);
        String scope = personal ? "user:" + owner : NewsStore.PUBLIC;
        Instant now = clock.instant();
        boolean present = asOf == null || !asOf.isBefore(now);
        String note = null;
        Fetched fetched;
        if (!arbitrator.anyCan(Capability.NEWS, symbol, instrument.assetClass())) {
            fetched = recorded(symbol, scope);
            note = "No enabled news provider carries " + symbol
                    + "; only articles stored before are answered (SEXTANT_PROVIDERS_ENABLED names the providers).";
        } else if (!present) {
            fetched = recorded(symbol, scope);
            note = "Read as of a past moment: only articles stored by then are answered; no provider was asked.";
        } else {
            fetched = current(instrument, scope, personal ? owner : null);
        }
        Instant readAsOf = present ? clock.instant() : asOf;
        List<String> scopes = personal ? List.of(NewsStore.PUBLIC, scope) : List.of(NewsStore.PUBLIC);
        return new NewsRead(
                store.read(symbol, scopes, from, to, readAsOf, limit, after),
                readAsOf,
                new NewsProvenance(fetched.outcomes(), false, fetched.fetchedAt(), fetched.stale(), note));
    }

    private Fetched recorded(String symbol, String scope) {
        return store.lastFetch(symbol, scope)
                .map(f -> new Fetched(f.fetchedAt(), f.outcomes(), false))
                .orElse(new Fetched(null, List.of(), false));
    }

    private Fetched current(Instrument instrument, String scope, @Nullable UUID owner) {
        Optional<NewsStore.Fetch> last = store.lastFetch(instrument.symbol(), scope);
        if (last.isPresent() && fresh(last.get())) {
            return new Fetched(last.get().fetchedAt(), last.get().outcomes(), false);
        }
        return flights.run(instrument.symbol() + "|" + scope, () -> fetch(instrument, scope, owner));
    }

    private boolean fresh(NewsStore.Fetch fetch) {
        return fetch.fetchedAt().plus(properties.freshFor()).isAfter(clock.instant());
    }

    private Fetched fetch(Instrument instrument, String scope, @Nullable UUID owner) {
        String symbol = instrument.symbol();
        Optional<NewsStore.Fetch> last = store.lastFetch(symbol, scope);
        if (last.isPresent() && fresh(last.get())) {
            return new Fetched(last.get().fetchedAt(), last.get().outcomes(), false); // another flight, another node
        }
        Instant now = clock.instant();
        Instant from = now.minus(properties.lookback());
        List<Arbitrator.Outcome<List<ProviderArticle>>> outcomes = arbitrator.every(
                Capability.NEWS,
                symbol,
                instrument.assetClass(),
                owner,
                "news for " + symbol,
                (provider, key) ->
                        provider.news(symbol, instrument.assetClass(), from, now, properties.perProvider(), key));
        Map<String, List<NewsStore.Incoming>> byScope = new LinkedHashMap<>();
        List<ProviderOutcome> report = new ArrayList<>();
        boolean anyAnswered = false;
        for (Arbitrator.Outcome<List<ProviderArticle>> outcome : outcomes) {
            switch (outcome) {
                case Arbitrator.Outcome.Answered<List<ProviderArticle>> answered -> {
                    anyAnswered = true;
                    List<NewsStore.Incoming> articles = answered.value().stream()
                            .filter(a -> usable(a, now))
                            .map(a -> incoming(a, answered.provider(), symbol))
                            .toList();
                    byScope.computeIfAbsent(answered.scope(), s -> new ArrayList<>())
                            .addAll(articles);
                    report.add(new ProviderOutcome(answered.provider(), "answered", articles.size(), null));
                }
                case Arbitrator.Outcome.Failed<List<ProviderArticle>> failed -> {
                    ProviderFailure failure = failed.failure();
                    report.add(new ProviderOutcome(
                            failed.provider(),
                            failure.kind() == ProviderFailure.Kind.SKIPPED ? "skipped" : "failed",
                            0,
                            failure.kind().name().toLowerCase(Locale.ROOT) + ": " + failure.getMessage()));
                }
            }
        }
        if (!anyAnswered) {
            // Nothing recorded: the next read asks again (the guards keep that from piling on a sick provider).
            return new Fetched(last.map(NewsStore.Fetch::fetchedAt).orElse(null), report, last.isPresent());
        }
        Instant knownAt = clock.instant();
        byScope.forEach((articleScope, articles) -> store.write(articles, articleScope, knownAt));
        NewsStore.Fetch fetch = new NewsStore.Fetch(now, report);
        store.recordFetch(symbol, scope, fetch);
        return new Fetched(now, report, false);
    }

    /** An article worth storing: an address, a headline, and a publication date not in the future. */
    private static boolean usable(ProviderArticle article, Instant now) {
        return article.url() != null
                && !article.url().isBlank()
                && article.title() != null
                && !article.title().isBlank()
                && article.publishedAt() != null
                && !article.publishedAt().isAfter(now.plusSeconds(300));
    }

    /** The provider's own score when it gives one (scorer: the provider), else Sextant's scorer's. */
    private NewsStore.Incoming incoming(ProviderArticle article, String provider, String symbol) {
        Set<String> symbols = new LinkedHashSet<>();
        symbols.add(symbol);
        article.symbols().stream()
                .map(s -> s == null ? "" : s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> SYMBOL.matcher(s).matches())
                .forEach(symbols::add);
        Double sentiment = article.sentiment();
        String scoredBy = provider;
        if (sentiment == null || !Double.isFinite(sentiment)) {
            SentimentScore score = scorer.score(NewsText.clean(article.title(), NewsText.MAX_HEADLINE));
            sentiment = score.value();
            scoredBy = score.scorer();
        }
        return new NewsStore.Incoming(
                article.url(),
                article.title(),
                article.summary(),
                article.source() == null || article.source().isBlank() ? provider : article.source(),
                provider,
                article.publishedAt(),
                List.copyOf(symbols),
                sentiment,
                scoredBy);
    }

    private boolean usesPersonalKey(UUID owner) {
        return arbitrator.providers().stream()
                .anyMatch(p -> p.profile().capabilities().contains(Capability.NEWS)
                        && p.profile().licence() == DataLicence.KEY_OWNER_ONLY
                        && arbitrator.personalKey(p.id(), owner));
    }
}
