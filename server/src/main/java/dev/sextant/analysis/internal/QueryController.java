package dev.sextant.analysis.internal;

import dev.sextant.analytics.query.DslSyntaxError;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
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

    static final ProblemType SYNTAX = ProblemType.of("query-syntax", 400, "Query syntax error");

    private static final String ALLOW_DEMO_DESCRIPTION = "Compute even when demo and real series meet (refused "
            + "otherwise; in a JSON body also \"allowDemo\": true); the answer is then labelled mixed";

    /** @param allowDemo compute even when demo and real series meet (refused otherwise) */
    record QueryRequest(String query, Boolean allowDemo) {}

    /**
     * One table per statement, in order, and the series they were computed from.
     *
     * @param demo true when any input is demo data
     * @param mixed true when demo and real inputs were combined (only with {@code allowDemo})
     */
    record QueryResponse(List<QueryEngine.Table> results, boolean demo, boolean mixed, List<InputSource> inputs) {}

    private final QueryExecutor executor;
    private final int maxLength;

    QueryController(QueryExecutor executor, QueryProperties properties) {
        this.executor = executor;
        this.maxLength = properties.maxLength();
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Run an FK-DSL query, e.g. EVALUATE AAPL: PRICE, RSI(14) (see docs/DSL.md)")
    QueryResponse text(
            @RequestBody String query,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo,
            Caller caller) {
        return run(query, allowDemo, caller);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run an FK-DSL query given as a JSON object with a query member")
    QueryResponse json(
            @RequestBody QueryRequest request,
            @Parameter(description = ALLOW_DEMO_DESCRIPTION) @RequestParam(defaultValue = "false") boolean allowDemo,
            Caller caller) {
        return run(request.query(), allowDemo || Boolean.TRUE.equals(request.allowDemo()), caller);
    }

    private QueryResponse run(String query, boolean allowDemo, Caller caller) {
        if (query == null || query.isBlank()) {
            throw ApiProblem.invalidParameter("query", "Send a query, e.g. EVALUATE AAPL: PRICE, RSI(14).");
        }
        if (query.length() > maxLength) {
            throw ApiProblem.invalidParameter("query", "A query has at most " + maxLength + " characters.");
        }
        try {
            QueryExecutor.Answer answer = executor.run(query, caller, allowDemo);
            Provenance provenance = answer.provenance();
            return new QueryResponse(answer.tables(), provenance.demo(), provenance.mixed(), provenance.inputs());
        } catch (DslSyntaxError error) {
            throw new ApiProblem(
                    SYNTAX,
                    error.getMessage(),
                    Map.of("line", error.line(), "column", error.column(), "expected", error.expected()));
        }
    }
}
