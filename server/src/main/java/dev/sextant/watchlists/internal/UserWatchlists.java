package dev.sextant.watchlists.internal;

import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.QuoteInterest;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.watchlists.Watchlists;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored watchlists behind the module's face, and their symbols as market data's warm set. */
@Service
class UserWatchlists implements Watchlists, QuoteInterest {

    /** The same codes HTTP answers for a missing list and for one list too many. */
    static final Refusal NOT_FOUND = Refusal.of("not-found", Refusal.Kind.NOT_FOUND, "Not found");

    static final Refusal TOO_MANY_LISTS =
            Refusal.of("too-many-watchlists", Refusal.Kind.CONFLICT, "Too many watchlists");

    private final WatchlistRepository repository;
    // Looked up when a write needs it: market data's warmer asks this bean for its symbols at start-up.
    private final ObjectProvider<MarketDataService> marketData;
    private final Clock clock;

    UserWatchlists(WatchlistRepository repository, ObjectProvider<MarketDataService> marketData, Clock clock) {
        this.repository = repository;
        this.marketData = marketData;
        this.clock = clock;
    }

    @Override
    public List<Watchlist> owned(Caller caller) {
        return repository.findByOwner(caller.user().value());
    }

    @Override
    @Transactional
    public Added add(Caller caller, String name, List<String> symbols, boolean create) {
        String wanted = name.strip();
        if (wanted.isEmpty() || wanted.length() > 100) {
            throw DomainException.invalidParameter("name", "A watchlist name has 1 to 100 characters.");
        }
        List<String> canonical =
                KnownSymbols.of(marketData.getObject(), caller, symbols, "search_symbols finds the known ones.");
        UUID owner = caller.user().value();
        List<Watchlist> lists = repository.findByOwner(owner);
        Optional<Watchlist> existing = lists.stream()
                .filter(list -> list.name().equals(wanted))
                .findFirst()
                .or(() -> lists.stream()
                        .filter(list -> list.name().equalsIgnoreCase(wanted))
                        .findFirst());
        if (existing.isEmpty() && !create) {
            throw new DomainException(
                    NOT_FOUND,
                    "You have no watchlist named '" + wanted + "'; list_watchlists shows yours, or pass create=true.",
                    Map.of("name", wanted));
        }
        List<String> held = existing.map(Watchlist::symbols).orElse(List.of());
        List<String> added = canonical.stream().filter(s -> !held.contains(s)).toList();
        List<String> already = canonical.stream().filter(held::contains).toList();
        List<String> combined = new ArrayList<>(held);
        combined.addAll(added);
        if (combined.size() > WatchlistController.MAX_SYMBOLS) {
            throw DomainException.invalidParameter(
                    "symbols",
                    "A watchlist holds at most " + WatchlistController.MAX_SYMBOLS + " symbols; this one would hold "
                            + combined.size() + ".");
        }
        if (existing.isPresent()) {
            Watchlist list = existing.get();
            repository.replace(owner, list.id(), list.name(), combined, clock.instant());
            return new Added(repository.find(owner, list.id()).orElseThrow(), added, already, false);
        }
        if (lists.size() >= WatchlistController.MAX_LISTS) {
            throw new DomainException(
                    TOO_MANY_LISTS, "You can keep " + WatchlistController.MAX_LISTS + " watchlists; delete one first.");
        }
        UUID id = UUID.randomUUID();
        repository.insert(owner, id, wanted, combined, clock.instant());
        return new Added(repository.find(owner, id).orElseThrow(), added, already, true);
    }

    @Override
    public List<String> symbols(int limit) {
        return repository.allSymbols(limit);
    }
}
