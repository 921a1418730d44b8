package dev.sextant.tools.internal;

import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import dev.sextant.tools.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The catalog over the registered {@link ToolDefinition}s: looks a tool up, checks the caller's
 * scope and the arguments, runs the handler and turns a domain refusal into a {@link
 * ToolResult.Failure} with the message HTTP would give.
 */
@Service
class SextantTools implements ToolCatalog {

    private final Map<String, ToolDefinition> definitions;
    private final List<Tool> tools;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    SextantTools(List<ToolDefinition> definitions) {
        this.definitions = definitions.stream()
                .collect(Collectors.toMap(
                        d -> d.tool().name(),
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException(
                                    "two tools named " + a.tool().name());
                        },
                        java.util.TreeMap::new));
        this.tools =
                this.definitions.values().stream().map(ToolDefinition::tool).toList();
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public List<Tool> available(Caller caller) {
        return tools.stream().filter(tool -> caller.holds(tool.scope())).toList();
    }

    @Override
    public Optional<Tool> tool(String name) {
        return Optional.ofNullable(definitions.get(name)).map(ToolDefinition::tool);
    }

    @Override
    public ToolResult call(Caller caller, String name, Map<String, Object> arguments) {
        ToolDefinition definition = definitions.get(name);
        if (definition == null) {
            return new ToolResult.Failure(
                    "unknown-tool",
                    "Unknown tool",
                    "There is no tool '" + name + "'; list the tools to see what there is.",
                    Map.of("tool", name));
        }
        Tool tool = definition.tool();
        if (!caller.holds(tool.scope())) {
            return new ToolResult.Failure(
                    "missing-scope",
                    "Missing scope",
                    "The tool '" + name + "' needs the scope '" + tool.scope().wireName()
                            + "', which this credential does not carry.",
                    Map.of("requiredScope", tool.scope().wireName()));
        }
        try {
            return definition.handler().apply(caller, new ToolArguments(arguments));
        } catch (DomainException refused) {
            return new ToolResult.Failure(
                    refused.refusal().code(), refused.refusal().title(), refused.getMessage(), refused.details());
        }
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
