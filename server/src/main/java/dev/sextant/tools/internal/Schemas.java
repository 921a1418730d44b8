package dev.sextant.tools.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON Schemas (draft 2020-12) of tool inputs and outputs as JSON-shaped maps, in a
 * stable key order so the listed schemas and the generated reference read the same every time.
 * Input objects refuse unknown arguments; output objects list every field they answer.
 */
final class Schemas {

    static final String SYMBOL_PATTERN = "^[A-Za-z0-9^.=_-]{1,32}$";
    static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private Schemas() {}

    /** A property list in the order given: name, schema, name, schema... */
    static Map<String, Object> properties(Object... namesAndSchemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
        }
        return Collections.unmodifiableMap(properties);
    }

    /** An object with exactly these properties, the {@code required} ones mandatory. */
    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        return map(
                "type",
                "object",
                "properties",
                properties,
                "required",
                List.of(required),
                "additionalProperties",
                false);
    }

    /** An object of any keys whose values all follow {@code values}. */
    static Map<String, Object> mapOf(Map<String, Object> values, String description) {
        return map("type", "object", "additionalProperties", values, "description", description);
    }

    static Map<String, Object> string(String description) {
        return map("type", "string", "description", description);
    }

    static Map<String, Object> text(int minLength, int maxLength, String description) {
        return map("type", "string", "minLength", minLength, "maxLength", maxLength, "description", description);
    }

    static Map<String, Object> pattern(String pattern, String description) {
        return map("type", "string", "pattern", pattern, "description", description);
    }

    static Map<String, Object> symbol(String description) {
        return pattern(SYMBOL_PATTERN, description);
    }

    static Map<String, Object> date(String description) {
        return pattern(DATE_PATTERN, description + " (YYYY-MM-DD)");
    }

    static Map<String, Object> oneOf(List<String> values, String description) {
        return map("type", "string", "enum", values, "description", description);
    }

    static Map<String, Object> oneOf(List<String> values, String fallback, String description) {
        return map("type", "string", "enum", values, "default", fallback, "description", description);
    }

    static Map<String, Object> integer(int minimum, int maximum, int fallback, String description) {
        return map(
                "type",
                "integer",
                "minimum",
                minimum,
                "maximum",
                maximum,
                "default",
                fallback,
                "description",
                description);
    }

    static Map<String, Object> number(double minimum, double maximum, double fallback, String description) {
        return map(
                "type",
                "number",
                "minimum",
                minimum,
                "maximum",
                maximum,
                "default",
                fallback,
                "description",
                description);
    }

    static Map<String, Object> flag(boolean fallback, String description) {
        return map("type", "boolean", "default", fallback, "description", description);
    }

    static Map<String, Object> array(Map<String, Object> items, int minItems, int maxItems, String description) {
        return map(
                "type",
                "array",
                "items",
                items,
                "minItems",
                minItems,
                "maxItems",
                maxItems,
                "description",
                description);
    }

    /** An output value of one of the JSON types named. */
    static Map<String, Object> typed(String... types) {
        return map("type", types.length == 1 ? types[0] : Arrays.asList(types));
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        return map("type", "array", "items", items);
    }

    /** A cell of a result row: text, a number, or null. */
    static Map<String, Object> cell() {
        return typed("string", "number", "boolean", "null");
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
