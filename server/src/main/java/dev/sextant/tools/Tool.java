package dev.sextant.tools;

import dev.sextant.platform.Scope;
import java.util.Map;

/**
 * One tool as a model sees it.
 *
 * @param name the identifier a model calls, snake_case ({@code get_quote})
 * @param title a short human-readable name
 * @param description what the tool does, when to use it and what it returns, written for a model
 * @param inputSchema the JSON Schema (draft 2020-12) of its arguments, an object schema
 * @param outputSchema the JSON Schema of its structured answer, an object schema
 * @param scope the scope the caller's credential must hold
 */
public record Tool(
        String name,
        String title,
        String description,
        Map<String, Object> inputSchema,
        Map<String, Object> outputSchema,
        Annotations annotations,
        Scope scope) {

    public Tool {
        inputSchema = Map.copyOf(inputSchema);
        outputSchema = Map.copyOf(outputSchema);
    }

    /**
     * Hints about a tool's behaviour, as MCP's tool annotations describe them.
     *
     * @param readOnly it changes nothing
     * @param destructive a write that may remove or overwrite what exists (meaningful only for writes)
     * @param idempotent calling it again with the same arguments changes nothing more
     * @param openWorld it may reach beyond Sextant (a market-data provider on the internet)
     */
    public record Annotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

        /** A read that may ask a provider outside. */
        public static final Annotations READ_OPEN_WORLD = new Annotations(true, false, true, true);

        /** A read of Sextant's own data or computation. */
        public static final Annotations READ_LOCAL = new Annotations(true, false, true, false);
    }
}
