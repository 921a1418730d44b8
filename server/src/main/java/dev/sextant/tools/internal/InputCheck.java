package dev.sextant.tools.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sextant.platform.DomainException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool's input schema compiled once and checked before its handler runs (networknt's validator,
 * draft 2020-12). The first violation is refused as {@code invalid-parameter} naming the argument
 * at fault, in words a model can act on. Immutable and thread-safe once built.
 */
final class InputCheck {

    private final Schema schema;
    private final JsonMapper json;

    /** The registry every tool's schemas compile in: draft 2020-12, nothing fetched from outside. */
    static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }

    InputCheck(SchemaRegistry registry, Map<String, Object> inputSchema, JsonMapper json) {
        this.json = json;
        this.schema = registry.getSchema(json.valueToTree(inputSchema));
        this.schema.initializeValidators();
    }

    /** Refuses {@code arguments} unless they are valid against the schema. */
    void check(Map<String, Object> arguments) {
        JsonNode node = json.valueToTree(arguments);
        List<Error> errors = schema.validate(node);
        if (errors.isEmpty()) {
            return;
        }
        Error first = errors.getFirst();
        String parameter = parameter(first);
        throw DomainException.invalidParameter(parameter, message(parameter, first));
    }

    /** The top-level argument at fault: the one missing or unknown, else the first step of the path. */
    private static String parameter(Error error) {
        String keyword = error.getKeyword();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && error.getProperty() != null) {
            if (error.getInstanceLocation().getNameCount() == 0) {
                return error.getProperty();
            }
        }
        var location = error.getInstanceLocation();
        return location.getNameCount() == 0 ? "arguments" : String.valueOf(location.getElement(0));
    }

    /** {@code symbols[1]}, {@code params.period}: the value at fault, as a reader names it. */
    private static String path(com.networknt.schema.path.NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        return path.isEmpty() ? "arguments" : path.toString();
    }

    private static String message(String parameter, Error error) {
        String keyword = error.getKeyword();
        if ("required".equals(keyword) && error.getInstanceLocation().getNameCount() == 0) {
            return "The argument '" + parameter + "' is required.";
        }
        if ("additionalProperties".equals(keyword)
                && error.getInstanceLocation().getNameCount() == 0) {
            return "There is no argument '" + parameter + "'; the tool's input schema lists the arguments it takes.";
        }
        String detail = error.getMessage();
        // networknt's message starts with the JSON path ("$.limit: must be ..."); say it with the argument's name.
        int colon = detail.indexOf(": ");
        if (detail.startsWith("$") && colon > 0) {
            detail = detail.substring(colon + 2);
        }
        String where = path(error.getInstanceLocation());
        return "The argument '" + where + "' is invalid: " + detail + ".";
    }
}
