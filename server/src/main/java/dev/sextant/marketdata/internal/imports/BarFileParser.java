package dev.sextant.marketdata.internal.imports;

import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.MarketDataRefusals;
import dev.sextant.platform.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

    /** One bar as read, with the line (CSV) or position (JSON) it came from. */
    record Row(int line, long time, double open, double high, double low, double close, double volume) {}

    /** The longest line a CSV file may have: a bar's line is a few dozen characters. */
    static final int MAX_LINE = 10_000;

    /** What is wrong with one row; the reader names where. */
    private static final class BadRow extends RuntimeException {
        BadRow(String what) {
            super(what, null, false, false);
        }
    }

    /** What is wrong with one JSON bar, named as a bar rather than a line. */
    private static final class BadBar extends RuntimeException {
        BadBar(String what) {
            super(what, null, false, false);
        }
    }

    private BarFileParser() {}

    /** A row (CSV line or JSON bar) that cannot be imported: where, the refusal it makes, and what is wrong. */
    record Problem(int where, String what, DomainException refusal) {}

    /**
     * A file read row by row: the rows that can be imported (in time order), and the rows that cannot.
     *
     * @param format {@code csv} or {@code json}
     * @param header the CSV header's column names (empty for JSON)
     * @param rows every row read, good or bad (blank lines not counted)
     * @param problems the bad rows, in the order met, at most the limit asked
     * @param problemCount every bad row, beyond the limit too
     */
    record Reading(
            String format, List<String> header, int rows, List<Row> good, List<Problem> problems, int problemCount) {}

    static OhlcvSeries parse(byte[] content, BarHorizon horizon) {
        Reading reading = read(content, horizon, 1);
        if (!reading.problems().isEmpty()) {
            throw reading.problems().getFirst().refusal();
        }
        return series(reading.good());
    }

    /**
     * Reads every row, keeping the good ones and up to {@code maxProblems} bad ones (reading stops at
     * the first when {@code maxProblems} is 1, as an import does). A file that cannot be read at all
     * (not text, empty, no such column, not JSON) is refused at once.
     */
    static Reading read(byte[] content, BarHorizon horizon, int maxProblems) {
        String text = text(content).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw invalid(0, "the file is empty");
        }
        Problems problems = new Problems(maxProblems);
        boolean json = text.startsWith("[") || text.startsWith("{");
        List<String> header = new ArrayList<>();
        List<Row> rows = json ? json(text, horizon, problems) : csv(text, horizon, problems, header);
        int read = rows.size() + problems.count;
        List<Row> good = problems.full() ? rows : ordered(rows, problems);
        return new Reading(json ? "json" : "csv", List.copyOf(header), read, good, problems.list, problems.count);
    }

    /** The file's lines as the reader numbers them (line 1 is the header), for showing a bad one. */
    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    }

    /** Bad rows as met; {@link #full} once the first of an import's single one is there. */
    private static final class Problems {
        final List<Problem> list = new ArrayList<>();
        final int limit;
        int count;

        Problems(int limit) {
            this.limit = limit;
        }

        void add(Problem problem) {
            count++;
            if (list.size() < limit) {
                list.add(problem);
            }
        }

        boolean full() {
            return limit == 1 && count > 0;
        }
    }

    /** Bytes that are not UTF-8 text, or hold NUL or other control bytes, are no CSV or JSON file. */
    private static String text(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(0, "it is not a text file (CSV or JSON in UTF-8)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                throw invalid(0, "it is not a text file (CSV or JSON in UTF-8)");
            }
        }
        return text;
    }

    private static List<Row> csv(String text, BarHorizon horizon, Problems problems, List<String> names) {
        List<String> lines = text.lines().toList();
        String header = lines.getFirst();
        String separator = header.contains(";") ? ";" : header.contains("\t") ? "\t" : ",";
        List<String> columns = new ArrayList<>();
        for (String name : header.split(separator, -1)) {
            columns.add(name.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        columns.forEach(name -> names.add(abbreviate(name)));
        int time = column(columns, "time", "date", "timestamp", "datetime");
        int open = column(columns, "open");
        int high = column(columns, "high");
        int low = column(columns, "low");
        int close = column(columns, "close");
        int volume = columns.indexOf("volume");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size() && !problems.full(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            try {
                if (line.length() > MAX_LINE) {
                    throw new BadRow("the line is longer than " + MAX_LINE + " characters");
                }
                String[] cells = line.split(separator, -1);
                if (cells.length < columns.size()) {
                    throw new BadRow("expected " + columns.size() + " columns, found " + cells.length);
                }
                long start = time(cells[time]);
                if (!horizon.allows(start)) {
                    problems.add(future("line", lineNumber, start, horizon));
                    continue;
                }
                rows.add(new Row(
                        lineNumber,
                        start,
                        number(cells[open], "open"),
                        number(cells[high], "high"),
                        number(cells[low], "low"),
                        number(cells[close], "close"),
                        volume < 0 ? 0 : number(cells[volume], "volume")));
            } catch (BadRow bad) {
                problems.add(new Problem(lineNumber, bad.getMessage(), invalid(lineNumber, bad.getMessage())));
            }
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
        throw invalid(1, "no '" + names[0] + "' column; the header has " + abbreviate(columns.toString()));
    }

    private static List<Row> json(String text, BarHorizon horizon, Problems problems) {
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
        for (int i = 0; i < bars.size() && !problems.full(); i++) {
            JsonNode bar = bars.get(i);
            int position = i + 1;
            try {
                JsonNode time = first(bar, "time", "date", "timestamp");
                if (time == null) {
                    problems.add(new Problem(position, "no time", invalidBar(position, "no time")));
                    continue;
                }
                long start = time(time.asString());
                if (!horizon.allows(start)) {
                    problems.add(future("bar", position, start, horizon));
                    continue;
                }
                rows.add(new Row(
                        position,
                        start,
                        jsonNumber(bar, "open", position),
                        jsonNumber(bar, "high", position),
                        jsonNumber(bar, "low", position),
                        jsonNumber(bar, "close", position),
                        bar.has("volume") ? jsonNumber(bar, "volume", position) : 0));
            } catch (BadRow bad) {
                problems.add(new Problem(position, bad.getMessage(), invalid(position, bad.getMessage())));
            } catch (BadBar bad) {
                problems.add(new Problem(position, bad.getMessage(), invalidBar(position, bad.getMessage())));
            }
        }
        return rows;
    }

    private static JsonNode first(JsonNode node, String... names) {
        if (!node.isObject()) {
            return null;
        }
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
            throw new BadBar("no number for '" + field + "'");
        }
        return number(value.asString(), field);
    }

    private static double number(String cell, String field) {
        String text = cell.strip().replace("\"", "");
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new BadRow("'" + field + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRow("'" + field + "' is not a number: '" + abbreviate(text) + "'");
        }
    }

    private static long time(String cell) {
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
            throw new BadRow("'" + abbreviate(text) + "' is not a date or time");
        }
    }

    /**
     * The rows oldest first (files come either way; the first two rows tell which), each a valid bar
     * later than the one before; the others become problems, in that order.
     */
    private static List<Row> ordered(List<Row> rows, Problems problems) {
        List<Row> ordered = rows.size() > 1 && rows.get(0).time() > rows.get(1).time() ? rows.reversed() : rows;
        List<Row> good = new ArrayList<>(ordered.size());
        Row previous = null;
        for (Row row : ordered) {
            if (problems.full()) {
                break;
            }
            if (previous != null && row.time() <= previous.time()) {
                String what =
                        "the rows are not in time order (or a time repeats): " + Instant.ofEpochSecond(row.time());
                problems.add(new Problem(row.line(), what, invalid(row.line(), what)));
                continue;
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
                String what = bad.getMessage().replaceFirst("^bar 0: ", "");
                problems.add(new Problem(row.line(), what, invalid(row.line(), what)));
                continue;
            }
            good.add(row);
            previous = row;
        }
        return good;
    }

    /** Good rows, oldest first, as a series; none is a refusal. */
    static OhlcvSeries series(List<Row> rows) {
        if (rows.isEmpty()) {
            throw invalid(0, "the file holds no bars");
        }
        OhlcvSeries.Builder builder = OhlcvSeries.builder(rows.size());
        rows.forEach(row -> builder.add(row.time(), row.open(), row.high(), row.low(), row.close(), row.volume()));
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
    private static Problem future(String unit, int where, long start, BarHorizon horizon) {
        String date = horizon.describe(start);
        String what = date + " is in the future (now " + horizon.now() + "); "
                + (horizon.interval().isIntraday()
                        ? "an intraday bar may start at most a minute ahead."
                        : "a daily bar may be dated at most today in the easternmost time zone (UTC+14).");
        return new Problem(
                where,
                what,
                new DomainException(
                        MarketDataRefusals.INVALID_IMPORT_FILE,
                        "The file cannot be imported: " + unit + " " + where + ": " + what,
                        Map.of(unit, where, "date", date)));
    }

    /** A bad element of a JSON array, named by its 1-based position. */
    private static DomainException invalidBar(int position, String what) {
        return new DomainException(
                MarketDataRefusals.INVALID_IMPORT_FILE,
                "The file cannot be imported: bar " + position + ": " + what + ".",
                Map.of("bar", position));
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 30 ? printable : printable.substring(0, 30) + "...";
    }
}
