package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file of bars in the common layouts: CSV with a header (Yahoo's
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}, Stooq's {@code Date,Open,High,Low,Close,Volume},
 * or any order of {@code time|date|timestamp, open, high, low, close[, volume]}; comma, semicolon
 * or tab separated), or JSON (an array of such objects, or {@code {"bars":[...]}} as Sextant
 * answers). Times: ISO dates or date-times, {@code yyyyMMdd}, epoch seconds or milliseconds.
 * Rows may come oldest or newest first. Any bad row fails the whole file with its line (CSV) or
 * position (JSON), so nothing half-read is ever stored; so does a bar from the future (see {@link
 * BarHorizon}), which would otherwise become the symbol's current quote.
 */
final class BarFileParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private record Row(int line, long time, double open, double high, double low, double close, double volume) {}

    private BarFileParser() {}

    static OhlcvSeries parse(byte[] content, BarHorizon horizon) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw invalid(0, "the file is empty");
        }
        List<Row> rows = text.startsWith("[") || text.startsWith("{") ? json(text, horizon) : csv(text, horizon);
        return toSeries(rows);
    }

    private static List<Row> csv(String text, BarHorizon horizon) {
        List<String> lines = text.lines().toList();
        String header = lines.getFirst();
        String separator = header.contains(";") ? ";" : header.contains("\t") ? "\t" : ",";
        List<String> columns = new ArrayList<>();
        for (String name : header.split(separator, -1)) {
            columns.add(name.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        int time = column(columns, "time", "date", "timestamp", "datetime");
        int open = column(columns, "open");
        int high = column(columns, "high");
        int low = column(columns, "low");
        int close = column(columns, "close");
        int volume = columns.indexOf("volume");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            String[] cells = line.split(separator, -1);
            if (cells.length < columns.size()) {
                throw invalid(lineNumber, "expected " + columns.size() + " columns, found " + cells.length);
            }
            long start = time(cells[time], lineNumber);
            if (!horizon.allows(start)) {
                throw future("line", lineNumber, start, horizon);
            }
            rows.add(new Row(
                    lineNumber,
                    start,
                    number(cells[open], "open", lineNumber),
                    number(cells[high], "high", lineNumber),
                    number(cells[low], "low", lineNumber),
                    number(cells[close], "close", lineNumber),
                    volume < 0 ? 0 : number(cells[volume], "volume", lineNumber)));
        }
        return rows;
    }

    private static int column(List<String> columns, String... names) {
        for (String name : names) {
            int index = columns.indexOf(name);
            if (index >= 0) {
                return index;
            }
        }
        throw invalid(1, "no '" + names[0] + "' column; the header has " + columns);
    }

    private static List<Row> json(String text, BarHorizon horizon) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw invalid(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid JSON");
        }
        JsonNode bars = root.isArray() ? root : root.get("bars");
        if (bars == null || !bars.isArray()) {
            throw invalid(0, "JSON must be an array of bars or an object with a 'bars' array");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            JsonNode bar = bars.get(i);
            int position = i + 1;
            JsonNode time = first(bar, "time", "date", "timestamp");
            if (time == null) {
                throw invalidBar(position, "no time");
            }
            long start = time(time.asString(), position);
            if (!horizon.allows(start)) {
                throw future("bar", position, start, horizon);
            }
            rows.add(new Row(
                    position,
                    start,
                    jsonNumber(bar, "open", position),
                    jsonNumber(bar, "high", position),
                    jsonNumber(bar, "low", position),
                    jsonNumber(bar, "close", position),
                    bar.has("volume") ? jsonNumber(bar, "volume", position) : 0));
        }
        return rows;
    }

    private static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            if (node.has(name)) {
                return node.get(name);
            }
        }
        return null;
    }

    private static double jsonNumber(JsonNode bar, String field, int position) {
        JsonNode value = bar.get(field);
        if (value == null || !(value.isNumber() || value.isString())) {
            throw invalidBar(position, "no number for '" + field + "'");
        }
        return number(value.asString(), field, position);
    }

    private static double number(String cell, String field, int line) {
        String text = cell.strip().replace("\"", "");
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw invalid(line, "'" + field + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(line, "'" + field + "' is not a number: '" + abbreviate(text) + "'");
        }
    }

    private static long time(String cell, int line) {
        String text = cell.strip().replace("\"", "");
        try {
            if (text.matches("\\d{13}")) {
                return Long.parseLong(text) / 1000;
            }
            if (text.matches("\\d{9,10}")) {
                return Long.parseLong(text);
            }
            if (text.matches("\\d{8}")) {
                return LocalDate.parse(text, COMPACT_DATE)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toEpochSecond();
            }
            return LocalDateTime.parse(text.replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC)
                    .getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(line, "'" + abbreviate(text) + "' is not a date or time");
        }
    }

    private static OhlcvSeries toSeries(List<Row> rows) {
        if (rows.isEmpty()) {
            throw invalid(0, "the file holds no bars");
        }
        List<Row> ordered = rows.size() > 1 && rows.get(0).time() > rows.get(1).time() ? rows.reversed() : rows;
        OhlcvSeries.Builder builder = OhlcvSeries.builder(ordered.size());
        Row previous = null;
        for (Row row : ordered) {
            if (previous != null && row.time() <= previous.time()) {
                throw invalid(
                        row.line(),
                        "the rows are not in time order (or a time repeats): " + Instant.ofEpochSecond(row.time()));
            }
            try {
                OhlcvSeries.ofUnsafe(
                        new long[] {row.time()},
                        new double[] {row.open()},
                        new double[] {row.high()},
                        new double[] {row.low()},
                        new double[] {row.close()},
                        new double[] {row.volume()});
            } catch (IllegalArgumentException bad) {
                throw invalid(row.line(), bad.getMessage().replaceFirst("^bar 0: ", ""));
            }
            builder.add(row.time(), row.open(), row.high(), row.low(), row.close(), row.volume());
            previous = row;
        }
        return builder.build();
    }

    private static DomainException invalid(int line, String what) {
        String where = line > 0 ? "line " + line + ": " : "";
        return new DomainException(
                MarketDataRefusals.INVALID_IMPORT_FILE,
                "The file cannot be imported: " + where + what + ".",
                line > 0 ? Map.of("line", line) : Map.of());
    }

    /** A bar dated after {@link BarHorizon#latestStart()}: named by its line (CSV) or bar (JSON) and its date. */
    private static DomainException future(String unit, int where, long start, BarHorizon horizon) {
        String date = horizon.describe(start);
        return new DomainException(
                MarketDataRefusals.INVALID_IMPORT_FILE,
                "The file cannot be imported: " + unit + " " + where + ": " + date + " is in the future (now "
                        + horizon.now() + "); "
                        + (horizon.interval().isIntraday()
                                ? "an intraday bar may start at most a minute ahead."
                                : "a daily bar may be dated at most today in the easternmost time zone (UTC+14)."),
                Map.of(unit, where, "date", date));
    }

    /** A bad element of a JSON array, named by its 1-based position. */
    private static DomainException invalidBar(int position, String what) {
        return new DomainException(
                MarketDataRefusals.INVALID_IMPORT_FILE,
                "The file cannot be imported: bar " + position + ": " + what + ".",
                Map.of("bar", position));
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 30 ? printable : printable.substring(0, 30) + "...";
    }
}
