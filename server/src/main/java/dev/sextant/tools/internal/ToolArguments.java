package dev.sextant.tools.internal;

import dev.sextant.platform.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A call's arguments, read by name. The catalog has checked them against the tool's input schema
 * already; these reads still refuse a missing or mistyped value naming it, so a handler called
 * without the schema (or a schema that allows more than the handler reads) fails clearly.
 */
record ToolArguments(Map<String, Object> values) {

    ToolArguments {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

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

    String text(String name, String fallback) {
        String value = optionalText(name);
        return value == null ? fallback : value;
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

    double number(String name, double fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be a number.");
    }

    boolean flag(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be true or false.");
    }

    /** A date argument, or the value a cursor pinned for it, or null. */
    @Nullable
    LocalDate date(String name) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalidParameter(name, "'" + name + "' must be a date, e.g. 2025-06-11.");
        }
    }

    List<String> texts(String name) {
        if (values.get(name) instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be a non-empty array of strings.");
    }

    List<String> texts(String name, List<String> fallback) {
        return values.get(name) == null ? fallback : texts(name);
    }

    List<?> list(String name) {
        if (values.get(name) instanceof List<?> list) {
            return list;
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be an array.");
    }

    /** An object argument's members, empty when it is left out. */
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> members = new LinkedHashMap<>();
            map.forEach((key, member) -> members.put(String.valueOf(key), member));
            return members;
        }
        throw DomainException.invalidParameter(name, "'" + name + "' must be an object.");
    }
}
