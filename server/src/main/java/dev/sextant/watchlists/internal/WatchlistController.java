package dev.sextant.watchlists.internal;

import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Scope;
import dev.sextant.watchlists.Watchlists.Watchlist;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's watchlists: named, ordered lists of known symbols. */
@RestController
@RequestMapping(path = "/api/v1/me/watchlists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Watchlists", description = "Your named symbol lists.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.MARKET_DATA_READ)
class WatchlistController {

    static final int MAX_LISTS = 100;
    static final int MAX_SYMBOLS = 500;
    static final ProblemType NAME_TAKEN = ProblemType.of("watchlist-exists", 409, "Watchlist exists");
    static final ProblemType TOO_MANY_LISTS = ProblemType.of("too-many-watchlists", 409, "Too many watchlists");
    /** Market data's answer for a symbol it does not serve, so a list names unknown symbols the same way. */
    record WatchlistBody(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Size(max = MAX_SYMBOLS) List<String> symbols) {}

    record WatchlistList(List<Watchlist> watchlists) {}

    private final WatchlistRepository repository;
    private final MarketDataService marketData;
    private final Clock clock;

    WatchlistController(WatchlistRepository repository, MarketDataService marketData, Clock clock) {
        this.repository = repository;
        this.marketData = marketData;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Your watchlists, by name")
    WatchlistList list(Caller caller) {
        return new WatchlistList(repository.findByOwner(owner(caller)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your watchlists")
    Watchlist get(Caller caller, @PathVariable UUID id) {
        return repository.find(owner(caller), id).orElseThrow(WatchlistController::notFound);
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a watchlist of known symbols")
    Watchlist create(Caller caller, @Valid @RequestBody WatchlistBody body) {
        UUID owner = owner(caller);
        if (repository.count(owner) >= MAX_LISTS) {
            throw new ApiProblem(TOO_MANY_LISTS, "You can keep " + MAX_LISTS + " watchlists; delete one first.");
        }
        UUID id = UUID.randomUUID();
        try {
            repository.insert(owner, id, body.name().strip(), knownSymbols(caller, body.symbols()), clock.instant());
        } catch (DuplicateKeyException taken) {
            throw nameTaken();
        }
        return repository.find(owner, id).orElseThrow();
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "Rename a watchlist and replace its symbols")
    Watchlist replace(Caller caller, @PathVariable UUID id, @Valid @RequestBody WatchlistBody body) {
        UUID owner = owner(caller);
        try {
            if (!repository.replace(
                    owner, id, body.name().strip(), knownSymbols(caller, body.symbols()), clock.instant())) {
                throw notFound();
            }
        } catch (DuplicateKeyException taken) {
            throw nameTaken();
        }
        return repository.find(owner, id).orElseThrow();
    }

    @RequiresScope(Scope.MARKET_DATA_WRITE)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a watchlist")
    void delete(Caller caller, @PathVariable UUID id) {
        if (!repository.delete(owner(caller), id)) {
            throw notFound();
        }
    }

    /** Canonical, de-duplicated, in the order given; every one must be a symbol Sextant serves. */
    private List<String> knownSymbols(Caller caller, List<String> symbols) {
        return KnownSymbols.of(marketData, caller, symbols, "GET /api/v1/search finds the known ones.");
    }

    private static UUID owner(Caller caller) {
        return caller.user().value();
    }

    private static ApiProblem notFound() {
        // The same answer for another user's list as for none: ids reveal nothing.
        return new ApiProblem(ProblemType.NOT_FOUND, "You have no watchlist with that id.");
    }

    private static ApiProblem nameTaken() {
        return new ApiProblem(NAME_TAKEN, "You already have a watchlist with that name.", Map.of("field", "name"));
    }
}
