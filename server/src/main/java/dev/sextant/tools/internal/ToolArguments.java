package dev.sextant.tools.internal;

import dev.sextant.platform.DomainException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A call's arguments, read by name; a missing or mistyped one is refused naming it. */
record ToolArguments(Map<String, Object> values) {

    String text(String name) {
        Object value = values.get(name);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be a non-empty string.");
    }

    @Nullable
    String optionalText(String name) {
        Object value = values.get(name);
        return value == null ? null : text(name);
    }

    int integer(String name, int fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be a whole number.");
    }

    List<String> texts(String name) {
        if (values.get(name) instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be a non-empty array of strings.");
    }
}
