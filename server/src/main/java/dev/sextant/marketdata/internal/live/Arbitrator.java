package dev.sextant.marketdata.internal.live;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.marketdata.internal.provider.ProviderListing;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.marketdata.internal.provider.ProviderQuote;
import dev.sextant.marketdata.internal.store.BarStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Picks the provider for each request: of those that can answer it (capability, asset class,
 * symbol, a key where one is needed), the best scored first; on failure, the next. Quotes are
 * cross-checked against the runner-up when enabled: when the two disagree beyond the tolerance the
 * answer carries both values and comes from the more trusted provider.
 */
public final class Arbitrator {

    /** A call to one provider with the key chosen for it. */
    @FunctionalInterface
    public interface ProviderCall<T> {
        T call(MarketDataProvider provider, ProviderKey key);
    }

    /**
     * What a provider answered, with who and under which licence scope the answer may be kept.
     *
     * @param scope {@link BarStore#PUBLIC}, or {@code user:<id>} for data bought with that user's own key
     */
    public record Answer<T>(T value, String provider, String scope) {}

    /** Two providers' prices that disagreed beyond the tolerance. */
    public record Conflict(String provider, double price, String otherProvider, double otherPrice) {}

    /** A quote, and the disagreement the cross-check found (null when none). */
    public record CheckedQuote(ProviderQuote quote, Conflict conflict) {}

    private record Candidate(GuardedProvider guarded, ProviderKey key) {}

    private final List<GuardedProvider> providers;
    private final KeyResolver keys;
    private final ExecutorService executor;
    private final boolean crossCheck;
    private final double tolerance;
    private final Duration timeout;

    public Arbitrator(
            List<GuardedProvider> providers,
            KeyResolver keys,
            ExecutorService executor,
            boolean crossCheck,
            double tolerance,
            Duration timeout) {
        this.providers = List.copyOf(providers);
        this.keys = keys;
        this.executor = executor;
        this.crossCheck = crossCheck;
        this.tolerance = tolerance;
        this.timeout = timeout;
    }

    public List<GuardedProvider> providers() {
        return providers;
    }

    public Optional<GuardedProvider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether the user holds their own key for this provider (then its data is theirs alone). */
    public boolean personalKey(String providerId, UUID owner) {
        return owner != null
                && keys.keyFor(providerId, owner).map(ProviderKey::isPersonal).orElse(false);
    }

    /**
     * What the providers carry from fixed lists of their own ({@link MarketDataProvider#catalogue()}),
     * so callers learn which macro series exist without knowing which adapter holds them.
     */
    public List<ProviderListing> catalogue() {
        return providers.stream()
                .flatMap(p -> p.provider().catalogue().stream())
                .toList();
    }

    /** Whether any provider could serve this capability for this asset class (and symbol, when given). */
    public boolean anyCan(Capability capability, String symbol, AssetClass assetClass) {
        return providers.stream()
                .anyMatch(p -> p.profile().can(capability, assetClass)
                        && (symbol == null
                                || p.provider()
                                        .providerSymbol(symbol, assetClass)
                                        .isPresent()));
    }

    /** The first answer from the best provider that gives one. */
    public <T> Answer<T> first(
            Capability capability,
            String symbol,
            AssetClass assetClass,
            UUID owner,
            String what,
            ProviderCall<T> call) {
        List<Candidate> ranked = ranked(capability, symbol, assetClass, owner);
        List<ProviderFailure> failures = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            try {
                return attempt(ranked.get(i), lastResort(ranked, i), owner, what, call);
            } catch (ProviderFailure failure) {
                failures.add(failure);
            }
        }
        throw new NoProviderAnswered(what, failures);
    }

    /** A quote from the best provider, cross-checked against the runner-up when enabled. */
    public Answer<CheckedQuote> quote(String symbol, AssetClass assetClass, UUID owner) {
        List<Candidate> ranked = ranked(Capability.QUOTES, symbol, assetClass, owner);
        String what = "a quote for " + symbol;
        ProviderCall<ProviderQuote> call = (provider, key) -> provider.quote(symbol, assetClass, key);
        Future<Answer<ProviderQuote>> runnerUp = crossCheck && ranked.size() > 1
                ? executor.submit(() -> attempt(ranked.get(1), false, owner, what, call))
                : null;
        List<ProviderFailure> failures = new ArrayList<>();
        Answer<ProviderQuote> answer = null;
        int answeredBy = -1;
        for (int i = 0; i < ranked.size() && answer == null; i++) {
            try {
                answer = i == 1 && runnerUp != null
                        ? await(runnerUp, ranked.get(1))
                        : attempt(ranked.get(i), lastResort(ranked, i), owner, what, call);
                answeredBy = i;
            } catch (ProviderFailure failure) {
                failures.add(failure);
            }
        }
        if (answer == null) {
            throw new NoProviderAnswered(what, failures);
        }
        if (answeredBy != 0 || runnerUp == null) {
            return new Answer<>(new CheckedQuote(answer.value(), null), answer.provider(), answer.scope());
        }
        Answer<ProviderQuote> other;
        try {
            other = await(runnerUp, ranked.get(1));
        } catch (ProviderFailure failure) {
            return new Answer<>(new CheckedQuote(answer.value(), null), answer.provider(), answer.scope());
        }
        return reconcile(answer, other);
    }

    /** Listings from every provider that searches, merged by symbol, with the providers that listed each. */
    public Map<String, List<ProviderListing>> search(String text, UUID owner) {
        return searchAll(text, owner).bySymbol();
    }

    /**
     * The listing providers give for exactly this symbol, if any. Empty means the providers that
     * search do not list it; when every one of them failed instead, that is not an answer, and
     * {@link NoProviderAnswered} says why.
     */
    public Optional<ProviderListing> lookup(String symbol, UUID owner) {
        Listings listings = searchAll(symbol, owner);
        List<ProviderListing> found = listings.bySymbol().get(symbol);
        if (found != null) {
            return Optional.of(found.getFirst());
        }
        if (listings.asked() > 0 && listings.failures().size() == listings.asked()) {
            throw new NoProviderAnswered("a lookup of " + symbol, listings.failures());
        }
        return Optional.empty();
    }

    /** What one provider did with a call made to every eligible provider ({@link #every}). */
    public sealed interface Outcome<T> {
        String provider();

        record Answered<T>(String provider, String scope, T value) implements Outcome<T> {}

        record Failed<T>(String provider, ProviderFailure failure) implements Outcome<T> {}
    }

    /**
     * Asks every eligible provider at once (capability, asset class, symbol, a key where one is
     * needed), each under its guards, and answers what each did, best ranked first: for questions
     * whose answers add up (news) rather than one answer standing for all (a quote). One failing
     * provider leaves the others' answers.
     */
    public <T> List<Outcome<T>> every(
            Capability capability,
            String symbol,
            AssetClass assetClass,
            UUID owner,
            String what,
            ProviderCall<T> call) {
        List<Candidate> ranked = ranked(capability, symbol, assetClass, owner);
        List<Future<Answer<T>>> answers = new ArrayList<>();
        for (Candidate candidate : ranked) {
            answers.add(executor.submit(() -> attempt(candidate, true, owner, what, call)));
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            try {
                Answer<T> answer = await(answers.get(i), ranked.get(i));
                outcomes.add(new Outcome.Answered<>(answer.provider(), answer.scope(), answer.value()));
            } catch (ProviderFailure failure) {
                outcomes.add(new Outcome.Failed<>(ranked.get(i).guarded().id(), failure));
            }
        }
        return outcomes;
    }

    private record Listings(Map<String, List<ProviderListing>> bySymbol, int asked, List<ProviderFailure> failures) {}

    private Listings searchAll(String text, UUID owner) {
        List<Candidate> searchers = ranked(Capability.SEARCH, null, null, owner);
        List<Future<Answer<List<ProviderListing>>>> answers = new ArrayList<>();
        for (Candidate candidate : searchers) {
            MarketDataProvider provider = candidate.guarded().provider();
            answers.add(executor.submit(() -> provider.searchesLocally()
                    ? new Answer<>(provider.search(text, candidate.key()), provider.id(), BarStore.PUBLIC)
                    : attempt(candidate, true, owner, "a search", (p, key) -> p.search(text, key))));
        }
        Map<String, List<ProviderListing>> bySymbol = new LinkedHashMap<>();
        List<ProviderFailure> failures = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            try {
                for (ProviderListing listing :
                        await(answers.get(i), searchers.get(i)).value()) {
                    bySymbol.computeIfAbsent(listing.symbol(), s -> new ArrayList<>())
                            .add(listing);
                }
            } catch (ProviderFailure failure) {
                // One searcher failing leaves the others' results; the failure is already scored and logged.
                failures.add(failure);
            }
        }
        return new Listings(bySymbol, searchers.size(), failures);
    }

    private Answer<CheckedQuote> reconcile(Answer<ProviderQuote> first, Answer<ProviderQuote> second) {
        double a = first.value().price();
        double b = second.value().price();
        boolean agree = Math.abs(a - b) <= tolerance * Math.min(a, b);
        GuardedProvider firstProvider = provider(first.provider()).orElseThrow();
        GuardedProvider secondProvider = provider(second.provider()).orElseThrow();
        firstProvider.score().agreed(agree);
        secondProvider.score().agreed(agree);
        if (agree) {
            return new Answer<>(new CheckedQuote(first.value(), null), first.provider(), first.scope());
        }
        boolean preferSecond =
                secondProvider.profile().trust() > firstProvider.profile().trust();
        Answer<ProviderQuote> chosen = preferSecond ? second : first;
        Answer<ProviderQuote> other = preferSecond ? first : second;
        Conflict conflict = new Conflict(
                chosen.provider(),
                chosen.value().price(),
                other.provider(),
                other.value().price());
        return new Answer<>(new CheckedQuote(chosen.value(), conflict), chosen.provider(), chosen.scope());
    }

    private List<Candidate> ranked(Capability capability, String symbol, AssetClass assetClass, UUID owner) {
        List<Candidate> candidates = new ArrayList<>();
        for (GuardedProvider guarded : providers) {
            if (!guarded.profile().can(capability, assetClass)) {
                continue;
            }
            if (symbol != null
                    && guarded.provider().providerSymbol(symbol, assetClass).isEmpty()) {
                continue;
            }
            ProviderKey key = null;
            if (guarded.profile().needsKey()) {
                Optional<ProviderKey> found = keys.keyFor(guarded.id(), owner);
                if (found.isEmpty()) {
                    continue;
                }
                key = found.get();
            }
            candidates.add(new Candidate(guarded, key));
        }
        // Open circuits last (asking them costs nothing and lets the breaker probe), then by score.
        candidates.sort(Comparator.comparing((Candidate c) -> c.guarded().isOpen())
                .thenComparing(c -> -c.guarded().score().score()));
        return candidates;
    }

    /** Whether no candidate after {@code index} could take the call (there are none, or their circuits are open). */
    private static boolean lastResort(List<Candidate> ranked, int index) {
        return ranked.subList(index + 1, ranked.size()).stream()
                .allMatch(c -> c.guarded().isOpen());
    }

    private <T> Answer<T> attempt(
            Candidate candidate, boolean lastResort, UUID owner, String what, ProviderCall<T> call) {
        GuardedProvider guarded = candidate.guarded();
        T value = guarded.call(what, lastResort, () -> call.call(guarded.provider(), candidate.key()));
        boolean personal = guarded.profile().licence() == DataLicence.KEY_OWNER_ONLY
                && candidate.key() != null
                && candidate.key().isPersonal();
        return new Answer<>(value, guarded.id(), personal ? "user:" + owner : BarStore.PUBLIC);
    }

    private <T> T await(Future<T> future, Candidate candidate) {
        try {
            return future.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderFailure failure) {
                throw failure;
            }
            throw new ProviderFailure(candidate.guarded().id(), ProviderFailure.Kind.BAD_DATA, "unreadable answer");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderFailure(candidate.guarded().id(), ProviderFailure.Kind.UNAVAILABLE, "no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(candidate.guarded().id(), ProviderFailure.Kind.UNAVAILABLE, "interrupted");
        }
    }
}
