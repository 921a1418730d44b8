package dev.sextant.tools.internal;

import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A tool, the handler that answers it, and the least role its caller needs beyond the scope (an
 * import is an analyst's, as over HTTP); each is a bean, collected by the catalog.
 */
record ToolDefinition(Tool tool, BiFunction<Caller, ToolArguments, ToolResult> handler, Role minimumRole) {

    /** A tool any role may call that holds its scope. */
    ToolDefinition(Tool tool, BiFunction<Caller, ToolArguments, ToolResult> handler) {
        this(tool, handler, Role.USER);
    }

    /** The same tool for callers of {@code role} and above only. */
    ToolDefinition forRole(Role role) {
        return new ToolDefinition(tool, handler, role);
    }

    /**
     * The same tool with a typical call in its input schema's {@code examples} (a JSON Schema
     * annotation): models copy its shape, clients and tests use it as a call that works.
     */
    ToolDefinition withExample(Map<String, Object> example) {
        Map<String, Object> input = new LinkedHashMap<>(tool.inputSchema());
        input.put("examples", List.of(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(example))));
        return new ToolDefinition(
                new Tool(
                        tool.name(),
                        tool.title(),
                        tool.description(),
                        input,
                        tool.outputSchema(),
                        tool.annotations(),
                        tool.scope()),
                handler,
                minimumRole);
    }
}
