package dev.sextant.tools.internal;

import dev.sextant.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Long answers (bars, indicator points, query rows) come in pages: at most {@code limit} rows (a
 * hard cap of {@link #MAX_LIMIT}), the total, and an opaque cursor for the next page. The cursor
 * carries the next offset, a fingerprint of the call's other arguments (a cursor only continues the
 * call it came from) and the values the first page resolved (the date range), so later pages read
 * exactly the rows the first one counted: no gaps, no duplicates, even when a new bar arrives.
 */
final class Paging {

    static final int MAX_LIMIT = 500;
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    private static final Pattern PINNED_VALUE = Pattern.compile("[A-Za-z0-9:._-]{0,64}");

    /** Which rows to answer, and what the first page resolved. */
    record Page(int offset, int limit, Map<String, String> pinned) {
        Page {
            pinned = Map.copyOf(pinned);
        }

        int end(int total) {
            return Math.min(total, offset + limit);
        }
    }

    private Paging() {}

    static Map<String, Object> limitSchema(int fallback, String rows) {
        return Schemas.integer(
                1, MAX_LIMIT, fallback, "At most this many " + rows + " per answer (hard cap " + MAX_LIMIT + ")");
    }

    static Map<String, Object> cursorSchema() {
        return Schemas.text(
                1, 1000, "The nextCursor of the previous answer, to get the next page; the other arguments unchanged");
    }

    /** The page the call asks for: its cursor's, or the first. */
    static Page read(String tool, ToolArguments args, int fallbackLimit) {
        int limit = args.integer(LIMIT, fallbackLimit);
        String cursor = args.optionalText(CURSOR);
        if (cursor == null) {
            return new Page(0, limit, Map.of());
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException notBase64) {
            throw invalidCursor();
        }
        if (parts.length != 5 || !parts[0].equals("c1") || !parts[1].equals(tool)) {
            throw invalidCursor();
        }
        if (!parts[3].equals(fingerprint(args.values()))) {
            throw DomainException.invalidParameter(
                    CURSOR,
                    "This cursor continues a call with other arguments; repeat that call's arguments with it, or"
                            + " leave the cursor out to start again.");
        }
        int offset;
        try {
            offset = Integer.parseInt(parts[2]);
        } catch (NumberFormatException notANumber) {
            throw invalidCursor();
        }
        Map<String, String> pinned = new LinkedHashMap<>();
        if (!parts[4].isEmpty()) {
            for (String pair : parts[4].split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw invalidCursor();
                }
                pinned.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        if (offset < 0) {
            throw invalidCursor();
        }
        return new Page(offset, limit, pinned);
    }

    /** The cursor of the page after {@code page}, or null when {@code page} reached the end. */
    static @Nullable String next(String tool, ToolArguments args, Page page, int total, Map<String, String> pinned) {
        int end = page.end(total);
        if (end >= total) {
            return null;
        }
        StringBuilder values = new StringBuilder();
        new TreeMap<>(pinned).forEach((key, value) -> {
            if (!PINNED_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("a pinned value must be short and plain: " + key);
            }
            values.append(values.isEmpty() ? "" : ";").append(key).append('=').append(value);
        });
        String raw = "c1|" + tool + "|" + end + "|" + fingerprint(args.values()) + "|" + values;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The arguments that define the answer (all but limit and cursor), in a canonical order. */
    private static String fingerprint(Map<String, Object> arguments) {
        Map<String, Object> defining = new TreeMap<>(arguments);
        defining.remove(LIMIT);
        defining.remove(CURSOR);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(defining).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private static String canonical(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            new TreeMap<>(map)
                    .forEach((k, v) ->
                            text.append(k).append('=').append(canonical(v)).append(','));
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Paging::canonical).toList().toString();
        }
        return String.valueOf(value);
    }

    private static DomainException invalidCursor() {
        return DomainException.invalidParameter(
                CURSOR, "This is not a cursor of this tool; pass the nextCursor of its previous answer unchanged.");
    }
}
