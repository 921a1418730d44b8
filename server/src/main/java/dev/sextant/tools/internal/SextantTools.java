package dev.sextant.tools.internal;

import com.networknt.schema.SchemaRegistry;
import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import dev.sextant.tools.ToolHandler;
import dev.sextant.tools.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog over the {@link ToolDefinition} beans and the tools registered at run time: looks a
 * tool up, checks the caller's scope (first: a caller without it learns nothing more), then the
 * arguments against the input schema, runs the handler, turns a domain refusal into a {@link
 * ToolResult.Failure} with the message HTTP would give, and audits every call of a write tool.
 */
@Service
class SextantTools implements ToolCatalog {

    private static final Logger log = LoggerFactory.getLogger(SextantTools.class);

    /** A tool, its handler and its compiled input schema. */
    private record Entry(ToolDefinition definition, InputCheck input) {}

    private final Map<String, Entry> entries = new ConcurrentSkipListMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final SchemaRegistry schemas = InputCheck.registry();
    private final JsonMapper json;
    private final AuditLog audit;

    SextantTools(List<ToolDefinition> definitions, JsonMapper json, AuditLog audit) {
        this.json = json;
        this.audit = audit;
        definitions.forEach(this::add);
    }

    @Override
    public List<Tool> tools() {
        return entries.values().stream().map(entry -> entry.definition().tool()).toList();
    }

    @Override
    public List<Tool> available(Caller caller) {
        return entries.values().stream()
                .filter(entry -> allowed(caller, entry.definition()))
                .map(entry -> entry.definition().tool())
                .toList();
    }

    private static boolean allowed(Caller caller, ToolDefinition definition) {
        return caller.holds(definition.tool().scope()) && caller.has(definition.minimumRole());
    }

    @Override
    public Optional<Tool> tool(String name) {
        return Optional.ofNullable(entries.get(name))
                .map(entry -> entry.definition().tool());
    }

    @Override
    public ToolResult call(Caller caller, String name, @Nullable Map<String, Object> arguments) {
        Entry entry = entries.get(name);
        if (entry == null) {
            return new ToolResult.Failure(
                    "unknown-tool",
                    "Unknown tool",
                    "There is no tool '" + name + "'; list the tools to see what there is.",
                    Map.of("tool", name));
        }
        Tool tool = entry.definition().tool();
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        boolean write = !tool.annotations().readOnly();
        ToolResult result;
        try {
            result = answer(caller, entry, given);
        } catch (RuntimeException unexpected) {
            // A bug, not a refusal: the transport answers it as an internal error; a write still leaves its row.
            if (write) {
                audited(caller, tool, given, "internal-error");
            }
            throw unexpected;
        }
        if (write) {
            audited(caller, tool, given, result instanceof ToolResult.Failure failure ? failure.code() : "ok");
        }
        return result;
    }

    private static ToolResult answer(Caller caller, Entry entry, Map<String, Object> arguments) {
        Tool tool = entry.definition().tool();
        if (!caller.holds(tool.scope())) {
            // HTTP's code, title and details for the same refusal (ExplicitAccessRuleInterceptor).
            return new ToolResult.Failure(
                    "insufficient-scope",
                    "Insufficient scope",
                    "This credential lacks the scope '" + tool.scope().wireName() + "' that the tool '" + tool.name()
                            + "' needs.",
                    Map.of("requiredScope", tool.scope().wireName()));
        }
        if (!caller.has(entry.definition().minimumRole())) {
            // HTTP's 403 for a role that may not (an import needs an analyst), before the arguments too.
            return new ToolResult.Failure(
                    "forbidden",
                    "Forbidden",
                    "The tool '" + tool.name() + "' needs the "
                            + entry.definition().minimumRole().wireName() + " role.",
                    Map.of("requiredRole", entry.definition().minimumRole().wireName()));
        }
        try {
            entry.input().check(arguments);
            return entry.definition().handler().apply(caller, new ToolArguments(arguments));
        } catch (DomainException refused) {
            Map<String, Object> details = new LinkedHashMap<>(refused.details());
            refused.retryAfter().ifPresent(after -> details.put("retryAfter", after.toSeconds()));
            return new ToolResult.Failure(
                    refused.refusal().code(), refused.refusal().title(), refused.getMessage(), details);
        }
    }

    /** Who called which write, with what (short values only: rows of bars are counted, not copied). */
    private void audited(Caller caller, Tool tool, Map<String, Object> arguments, String outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tool", tool.name());
        details.put("credential", caller.credential().name());
        details.put("outcome", outcome);
        arguments.entrySet().stream()
                .limit(12)
                .forEach(argument ->
                        details.put("argument." + abbreviate(argument.getKey(), 40), summary(argument.getValue())));
        audit.record(AuditEventType.TOOL_WRITE, caller.user().toString(), tool.name(), details);
    }

    private static String summary(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case List<?> list when list.size() > 20 -> list.size() + " items";
            case Map<?, ?> map -> map.size() + " members";
            default -> abbreviate(String.valueOf(value), 120);
        };
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Registration register(Tool tool, ToolHandler handler) {
        ToolDefinition definition = new ToolDefinition(tool, (caller, args) -> handler.call(caller, args.values()));
        Entry added = add(definition);
        changed();
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false) && entries.remove(tool.name(), added)) {
                changed();
            }
        };
    }

    private Entry add(ToolDefinition definition) {
        String name = definition.tool().name();
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("a tool name is snake_case, at most 64 characters: " + name);
        }
        InputCheck input;
        try {
            input = new InputCheck(schemas, definition.tool().inputSchema(), json);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("the input schema of " + name + " is not a valid JSON Schema", invalid);
        }
        Entry entry = new Entry(definition, input);
        if (entries.putIfAbsent(name, entry) != null) {
            throw new IllegalArgumentException("there is already a tool named " + name);
        }
        return entry;
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException failed) {
                // One transport's failing listener must not keep the others (or the change) from happening.
                log.warn("A tool-catalog listener failed", failed);
            }
        }
    }
}
