package dev.sextant.tools;

import dev.sextant.platform.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tool Sextant offers, and the one way to call one. Transports (MCP over Streamable HTTP and
 * stdio, the AI agents' tool loop) list tools and call them here and only translate: the catalog
 * checks the caller's scope, then the arguments against the tool's input schema, before the handler
 * runs, audits every write ({@code TOOL_WRITE}), and answers every refusal as a {@link
 * ToolResult.Failure} carrying the code and message a problem+json answer would give. The faces'
 * own budgets hold as over HTTP (the FK-DSL's per-caller concurrency and compute time, the
 * providers' budgets); a request rate limit per credential is the transport's to apply.
 *
 * <p>Thread-safe; calls may come from any thread and name their caller explicitly.
 */
public interface ToolCatalog {

    /** Every tool, in a stable order (by name). */
    List<Tool> tools();

    /** The tools whose scope the caller's credential holds, in the same order. */
    List<Tool> available(Caller caller);

    Optional<Tool> tool(String name);

    /**
     * Calls a tool for the caller.
     *
     * @param arguments the call's JSON arguments as plain values (maps, lists, strings, numbers,
     *     booleans, null), as a JSON parser gives them
     * @return the tool's structured answer and its compact text, or a failure; never throws for a
     *     refusal (unknown tool, invalid arguments, missing scope, a domain refusal)
     */
    ToolResult call(Caller caller, String name, Map<String, Object> arguments);

    /**
     * Tells {@code listener} whenever the set of tools changes (MCP's
     * {@code notifications/tools/list_changed}); close the returned handle to stop.
     */
    AutoCloseable onChange(Runnable listener);

    /**
     * Adds a tool at run time (a plug-in's), and tells the {@link #onChange} listeners; close the
     * returned handle to remove it again, which tells them too.
     *
     * @throws IllegalArgumentException when a tool of that name exists or its input schema is not a
     *     valid JSON Schema
     */
    Registration register(Tool tool, ToolHandler handler);

    /** A tool added with {@link #register}; closing it removes the tool (once; later closes do nothing). */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
