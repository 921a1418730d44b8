package dev.sextant.mcp.internal;

import dev.sextant.support.HttpTestClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The MCP SDK's own Java client against a test server, and API keys to give it. */
final class McpClients {

    private McpClients() {}

    /** A new API key of the signed-in account with these scopes: {@code [id, key]}. */
    static String[] createKey(HttpTestClient owner, String... scopes) {
        StringBuilder list = new StringBuilder();
        for (String scope : scopes) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(scope).append('"');
        }
        HttpTestClient.Answer created =
                owner.postJson("/api/v1/me/api-keys", "{\"name\":\"mcp test\",\"scopes\":[" + list + "]}");
        if (created.status() != 201) {
            throw new AssertionError("key creation failed: " + created.status() + " " + created.body());
        }
        JsonNode json = created.json();
        return new String[] {json.get("id").asString(), json.get("key").asString()};
    }

    static McpSyncClient connect(int port, String apiKey) {
        return connect(port, apiKey, spec -> {});
    }

    /**
     * A key with every scope a tool needs, of an analyst (the least role every tool serves: bar
     * imports are an analyst's, as over HTTP), so the whole catalog is listed for it.
     */
    static String fullKey(HttpTestClient analyst) {
        return createKey(analyst, "marketdata:read", "marketdata:write", "analysis")[1];
    }

    static McpSyncClient connect(int port, String apiKey, Consumer<McpClient.SyncSpec> more) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + apiKey))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        McpClient.SyncSpec spec = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("sextant-test", "1"))
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60));
        more.accept(spec);
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    /**
     * Arguments for a tool: the first worked example its input schema gives (every catalog tool has
     * one, called by the catalog's own tests), else one built from the schema (each required
     * property: a demo symbol for symbol-like names, an enum's first value, a number's minimum).
     */
    static Map<String, Object> exampleArguments(McpSchema.Tool tool) {
        if (tool.inputSchema().get("examples") instanceof List<?> examples
                && !examples.isEmpty()
                && examples.getFirst() instanceof Map<?, ?> example) {
            Map<String, Object> arguments = new LinkedHashMap<>(asMap(example));
            if (tool.name().equals("import_bars")) {
                // An imported symbol belongs to its first importer: each test account imports its own.
                arguments.put(
                        "symbol",
                        "T" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT) + ".IMP");
            }
            return arguments;
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        Map<String, Object> properties = asMap(tool.inputSchema().get("properties"));
        if (tool.inputSchema().get("required") instanceof List<?> required) {
            for (Object name : required) {
                arguments.put(name.toString(), exampleValue(name.toString(), asMap(properties.get(name.toString()))));
            }
        }
        return arguments;
    }

    /**
     * The refusal a tool's example must give on a fresh install, if any: none since the demo market
     * has synthetic filings too (ToolsOnLiveProvidersTest calls get_fundamentals on a stubbed EDGAR).
     */
    static java.util.Optional<String> refusalOnDemo(String tool) {
        return java.util.Optional.empty();
    }

    /**
     * Checks an example call's answer as a fresh install gives it: the refusal {@link #refusalOnDemo}
     * names, or a success with structured content. Answers whether it was a success.
     */
    static boolean answeredOnDemo(McpSchema.Tool tool, McpSchema.CallToolResult result) {
        java.util.Optional<String> refusal = refusalOnDemo(tool.name());
        if (refusal.isPresent()) {
            org.assertj.core.api.Assertions.assertThat(result.isError())
                    .as(tool.name())
                    .isTrue();
            org.assertj.core.api.Assertions.assertThat(result.meta()).containsEntry("sextant/error", refusal.get());
            return false;
        }
        org.assertj.core.api.Assertions.assertThat(result.isError())
                .as(tool.name() + ": " + result.content())
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(result.structuredContent())
                .as(tool.name())
                .isNotNull();
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Object exampleValue(String name, Map<String, Object> schema) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        if (schema.containsKey("default")) {
            return schema.get("default");
        }
        String type = String.valueOf(schema.getOrDefault("type", "string"));
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "integer", "number" -> schema.getOrDefault("minimum", 1);
            case "boolean" -> true;
            case "array" -> {
                List<Object> items = new ArrayList<>();
                items.add(exampleValue(
                        lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower,
                        asMap(schema.get("items"))));
                if (lower.contains("symbol")) {
                    items.add("MSFT");
                }
                yield items;
            }
            case "object" -> Map.of();
            default -> lower.contains("symbol") ? "AAPL" : lower.contains("indicator") ? "RSI" : "AAPL";
        };
    }
}
