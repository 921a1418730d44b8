package dev.sextant.mcp.internal;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import dev.sextant.tools.ToolCatalog;
import dev.sextant.tools.ToolResult;
import dev.sextant.watchlists.Watchlists;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an assistant may read besides calling tools: the caller's watchlists, the indicator
 * registry, the query language's reference and a symbol's quote (which {@code resources/subscribe}
 * keeps current, see {@link QuoteSubscriptions}). Each read is for the message's caller.
 */
final class McpResources {

    static final String WATCHLISTS = "sextant://watchlists";
    static final String INDICATORS = "sextant://indicators";
    static final String QUERY_LANGUAGE = "sextant://docs/query-language";
    static final String QUOTE_PREFIX = "sextant://quotes/";
    private static final String JSON = "application/json";
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.\\-^=:_]{1,32}");

    private final Watchlists watchlists;
    private final ToolCatalog tools;
    private final JsonMapper json;
    private final String queryLanguage;

    McpResources(Watchlists watchlists, ToolCatalog tools, JsonMapper json) {
        this.watchlists = watchlists;
        this.tools = tools;
        this.json = json;
        this.queryLanguage = classpathText("docs/DSL.md");
    }

    List<SyncResourceSpecification> resources() {
        return List.of(
                new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri(WATCHLISTS)
                                .name("watchlists")
                                .title("Your watchlists")
                                .description("Your watchlists: id, name and symbols in your order.")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> json(request.uri(), Map.of("watchlists", owned(exchange)))),
                new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri(INDICATORS)
                                .name("indicators")
                                .title("Indicator registry")
                                .description("Every technical indicator compute_indicator and the query language know: "
                                        + "name, description, unit, parameters (defaults and bounds) and outputs.")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> json(request.uri(), Map.of("indicators", indicators()))),
                new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri(QUERY_LANGUAGE)
                                .name("query-language")
                                .title("Query language reference (FK-DSL)")
                                .description("The reference of the language run_query and scan take: statements, "
                                        + "metrics, conditions, limits, with examples.")
                                .mimeType("text/markdown")
                                .build(),
                        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                                new McpSchema.TextResourceContents(request.uri(), "text/markdown", queryLanguage)))));
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder()
                                .uriTemplate(WATCHLISTS + "/{id}")
                                .name("watchlist")
                                .title("One of your watchlists")
                                .description("One watchlist by its id (from sextant://watchlists).")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> json(request.uri(), watchlist(exchange, request.uri()))),
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder()
                                .uriTemplate(QUOTE_PREFIX + "{symbol}")
                                .name("quote")
                                .title("A symbol's latest quote")
                                .description(
                                        "The latest quote of a symbol with its provider, demo flag and as-of time. "
                                                + "Subscribe to it (resources/subscribe) to be told when it changes.")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> json(request.uri(), quote(exchange, request.uri()))));
    }

    /** The symbol a quote resource names, if the URI is one. */
    static Optional<String> quoteSymbol(String uri) {
        if (!uri.startsWith(QUOTE_PREFIX)) {
            return Optional.empty();
        }
        String symbol = uri.substring(QUOTE_PREFIX.length());
        return SYMBOL.matcher(symbol).matches() ? Optional.of(symbol) : Optional.empty();
    }

    private List<Map<String, Object>> owned(McpSyncServerExchange exchange) {
        Caller caller = McpCallers.require(exchange.transportContext());
        requireScope(caller, Scope.MARKET_DATA_READ);
        return watchlists.owned(caller).stream()
                .map(McpResources::watchlistJson)
                .toList();
    }

    private Map<String, Object> watchlist(McpSyncServerExchange exchange, String uri) {
        String id = uri.substring((WATCHLISTS + "/").length());
        List<Map<String, Object>> owned = owned(exchange);
        UUID wanted;
        try {
            wanted = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw notFound(uri);
        }
        // Another account's watchlist is answered exactly like a missing one: ids reveal nothing.
        return owned.stream()
                .filter(list -> wanted.toString().equals(list.get("id")))
                .findFirst()
                .orElseThrow(() -> notFound(uri));
    }

    private Map<String, Object> quote(McpSyncServerExchange exchange, String uri) {
        Caller caller = McpCallers.require(exchange.transportContext());
        String symbol = quoteSymbol(uri).orElseThrow(() -> notFound(uri));
        return switch (tools.call(caller, "get_quote", Map.of("symbol", symbol))) {
            case ToolResult.Success success -> success.structured();
            case ToolResult.Failure failure ->
                throw McpError.builder(
                                "unknown-symbol".equals(failure.code())
                                        ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND
                                        : McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message(failure.message())
                        .data(Map.of("code", failure.code()))
                        .build();
        };
    }

    private static Map<String, Object> watchlistJson(Watchlists.Watchlist list) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", list.id().toString());
        out.put("name", list.name());
        out.put("symbols", list.symbols());
        out.put("updatedAt", list.updatedAt().toString());
        return out;
    }

    private static List<Map<String, Object>> indicators() {
        return IndicatorCatalog.ALL.values().stream()
                .map(definition -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("name", definition.name());
                    out.put("description", definition.description());
                    out.put("unit", definition.unit());
                    out.put(
                            "params",
                            definition.params().stream()
                                    .map(p -> Map.<String, Object>of(
                                            "name", p.name(),
                                            "default", p.defaultValue(),
                                            "min", p.min(),
                                            "max", p.max(),
                                            "integer", p.integer()))
                                    .toList());
                    out.put("outputs", definition.outputs());
                    return out;
                })
                .toList();
    }

    private McpSchema.ReadResourceResult json(String uri, Object value) {
        return new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, JSON, json.writeValueAsString(value))));
    }

    private static void requireScope(Caller caller, Scope scope) {
        if (!caller.holds(scope)) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                    .message("This resource needs the scope '" + scope.wireName()
                            + "', which this credential does not carry.")
                    .data(Map.of("code", "insufficient-scope", "requiredScope", scope.wireName()))
                    .build();
        }
    }

    private static McpError notFound(String uri) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("There is no resource " + uri + " for you.")
                .data(Map.of("uri", uri))
                .build();
    }

    private static String classpathText(String path) {
        try (InputStream in = McpResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "The query language reference is not packaged in this build; see docs/DSL.md.";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
