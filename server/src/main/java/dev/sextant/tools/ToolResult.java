package dev.sextant.tools;

import java.util.Map;

/** What a tool call answered: its structured content and compact text, or a refusal. */
public sealed interface ToolResult {

    /** A compact text form of the answer for a model to read (rows, rounded numbers, never megabytes). */
    String text();

    /**
     * @param structured the answer as JSON-shaped values, valid against the tool's output schema;
     *     carries its provenance (provider, demo flag, as-of) wherever it comes from market data
     */
    record Success(Map<String, Object> structured, String text) implements ToolResult {
        public Success {
            structured = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(structured));
        }
    }

    /**
     * A refusal, as a problem+json answer would state it.
     *
     * @param code the problem's stable code (e.g. {@code invalid-parameter}, {@code unknown-symbol},
     *     {@code insufficient-scope} as HTTP answers a missing scope, {@code unknown-tool})
     * @param message what went wrong and what to change, for the model or person to act on
     * @param details further JSON-shaped fields (the parameter at fault, the candidates), possibly empty
     */
    record Failure(String code, String title, String message, Map<String, Object> details) implements ToolResult {
        public Failure {
            details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        }

        @Override
        public String text() {
            return message;
        }
    }
}
