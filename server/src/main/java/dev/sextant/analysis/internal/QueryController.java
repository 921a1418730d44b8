package dev.sextant.analysis.internal;

import dev.sextant.analysis.Analysis;
import dev.sextant.analytics.query.Vocabulary;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import dev.sextant.watchlists.Universes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** FK-DSL over HTTP: the query as plain text or {@code {"query": "..."}}; typed tables back. */
@RestController
@RequestMapping(path = "/api/v1/query", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analysis")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.ANALYSIS)
class QueryController {

    private static final String ALLOW_DEMO_DESCRIPTION = "Compute even when demo and real series meet (refused "
            + "otherwise; in a JSON body also \"allowDemo\": true); the answer is then labelled mixed";

    /** @param allowDemo compute even when demo and real series meet (refused otherwise) */
    record QueryRequest(String query, Boolean allowDemo) {}

    /** The registry's names are fixed at build time: computed once. */
    private static final Vocabulary VOCABULARY = Vocabulary.current();

    private final Analysis analysis;
    private final Universes universes;

    QueryController(Analysis analysis, Universes universes) {
        this.analysis = analysis;
        this.universes = universes;
    }

    @GetMapping("/vocabulary")
    @Operation(
            summary = "Every name an FK-DSL query can use: statements, metrics with parameters, defaults, outputs and"
                    + " units, ANALYZE's topics, MACRO's analyses, GET's items and intervals, operators, and the"
                    + " caller's universes (for autocomplete; see docs/DSL.md)")
    Vocabulary vocabulary(Caller caller) {
        return VOCABULARY.withUniverses(universes.available(caller).stream()
                .map(Universes.Universe::name)
                .toList());
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Run an FK-DSL query, e.g. EVALUATE AAPL: PRICE, RSI(14) (see docs/DSL.md)")
    Analysis.QueryAnswer text(
            @RequestBody String query,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo,
            Caller caller) {
        return analysis.query(caller, new Analysis.QueryRequest(query, allowDemo));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run an FK-DSL query given as a JSON object with a query member")
    Analysis.QueryAnswer json(
            @RequestBody QueryRequest request,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo,
            Caller caller) {
        return analysis.query(
                caller,
                new Analysis.QueryRequest(request.query(), allowDemo || Boolean.TRUE.equals(request.allowDemo())));
    }
}
