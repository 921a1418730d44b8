package dev.sextant.watchlists.internal;

import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Scope;
import dev.sextant.watchlists.Universes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The symbol sets screens run over: built-in universes and the caller's watchlists. */
@RestController
@RequestMapping(path = "/api/v1/universes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Market data")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.MARKET_DATA_READ)
class UniverseController {

    record Summary(String name, String description, boolean builtIn, int size) {}

    record UniverseList(List<Summary> universes) {}

    private final Universes universes;

    UniverseController(Universes universes) {
        this.universes = universes;
    }

    @GetMapping
    @Operation(
            summary =
                    "Universes you can screen: demo, us-equities, etfs, crypto, macro; exchanges (NASDAQ, NYSE, NYSEARCA, AMEX), "
                            + "US sectors (US_TECH, US_FINANCIALS, ...), indices (SP500, NASDAQ100, DOW30); watchlist:<name>")
    UniverseList list(Caller caller) {
        return new UniverseList(universes.available(caller).stream()
                .map(u -> new Summary(
                        u.name(), u.description(), u.builtIn(), u.symbols().size()))
                .toList());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One universe with its symbols")
    Universes.Universe get(Caller caller, @PathVariable String name) {
        return universes
                .find(caller, name)
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.NOT_FOUND,
                        "There is no universe '" + name + "'; GET /api/v1/universes lists yours."));
    }
}
