package dev.sextant.mcp.internal;

import dev.sextant.platform.Caller;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import dev.sextant.tools.ToolResult;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool catalog as MCP tools: each {@link Tool} with its schemas, title and annotations; a call
 * runs {@link ToolCatalog#call} for the message's caller and answers its structured content plus one
 * text block, a {@link ToolResult.Failure} as a result with {@code isError}, its message as the text
 * and the catalog's code in {@code _meta} ({@code sextant/error}), so a model reads the same message a problem+json
 * answer would give.
 */
final class McpTools {

    private static final Logger log = LoggerFactory.getLogger(McpTools.class);

    private final ToolCatalog catalog;

    McpTools(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    List<SyncToolSpecification> specifications() {
        return catalog.tools().stream().map(this::specification).toList();
    }

    /** Only the tools whose scope the caller's credential holds are listed. */
    boolean visible(Caller caller, McpSchema.Tool tool) {
        return catalog.available(caller).stream().anyMatch(t -> t.name().equals(tool.name()));
    }

    /**
     * Brings the server's tools in line with the catalog and tells every connected client
     * ({@code notifications/tools/list_changed}).
     */
    void catalogChanged(McpSyncServer server) {
        Set<String> current = catalog.tools().stream().map(Tool::name).collect(Collectors.toSet());
        for (McpSchema.Tool listed : server.listTools()) {
            if (!current.contains(listed.name())) {
                server.removeTool(listed.name());
            }
        }
        Set<String> listed =
                server.listTools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
        for (SyncToolSpecification specification : specifications()) {
            if (!listed.contains(specification.tool().name())) {
                server.addTool(specification);
            }
        }
        server.notifyToolsListChanged();
    }

    private SyncToolSpecification specification(Tool tool) {
        Tool.Annotations hints = tool.annotations();
        McpSchema.Tool described = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .outputSchema(tool.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(
                        tool.title(),
                        hints.readOnly(),
                        // MCP: destructiveHint and idempotentHint are meaningful only for writes.
                        hints.readOnly() ? null : hints.destructive(),
                        hints.idempotent(),
                        hints.openWorld(),
                        null))
                .meta(Map.of("sextant/scope", tool.scope().wireName()))
                .build();
        return SyncToolSpecification.builder()
                .tool(described)
                .callHandler((exchange, request) -> call(exchange, request))
                .build();
    }

    private McpSchema.CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Caller caller = McpCallers.require(exchange.transportContext());
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        ToolResult result;
        try {
            result = catalog.call(caller, request.name(), arguments);
        } catch (RuntimeException unexpected) {
            // A bug, not a refusal: the model gets a generic message, the log the details.
            log.error("Tool {} failed for {}", request.name(), caller, unexpected);
            result = new ToolResult.Failure(
                    "internal-error",
                    "Internal error",
                    "The tool failed unexpectedly; the server logged the details. Try again later.",
                    Map.of());
        }
        return switch (result) {
            case ToolResult.Success success ->
                McpSchema.CallToolResult.builder()
                        .structuredContent(success.structured())
                        .addTextContent(success.text())
                        .isError(false)
                        .build();
            case ToolResult.Failure failure -> {
                // No structuredContent on an error: clients validate it against the tool's output
                // schema (the TypeScript SDK refuses the whole result otherwise). The code and
                // details travel in _meta.
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("sextant/error", failure.code());
                error.put("sextant/title", failure.title());
                if (!failure.details().isEmpty()) {
                    error.put("sextant/details", failure.details());
                }
                yield McpSchema.CallToolResult.builder()
                        .addTextContent(failure.message())
                        .isError(true)
                        .meta(error)
                        .build();
            }
        };
    }
}
