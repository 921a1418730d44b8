package dev.sextant.watchlists.internal;

import dev.sextant.marketdata.QuoteInterest;
import dev.sextant.platform.Caller;
import dev.sextant.watchlists.Watchlists;
import java.util.List;
import org.springframework.stereotype.Service;

/** The stored watchlists behind the module's face, and their symbols as market data's warm set. */
@Service
class UserWatchlists implements Watchlists, QuoteInterest {

    private final WatchlistRepository repository;

    UserWatchlists(WatchlistRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Watchlist> owned(Caller caller) {
        return repository.findByOwner(caller.user().value());
    }

    @Override
    public List<String> symbols(int limit) {
        return repository.allSymbols(limit);
    }
}
