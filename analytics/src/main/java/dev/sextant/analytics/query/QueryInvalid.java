package dev.sextant.analytics.query;

/**
 * A query that parses but cannot run as written: wrong arguments, spans or limits exceeded. Where
 * the fault lies in the text (a metric's arguments or output, a date), it says where.
 */
public final class QueryInvalid extends RuntimeException {

    private final int line;
    private final int column;

    public QueryInvalid(String message) {
        this(message, 0, 0);
    }

    /** @param line 1-based; 0 when the fault is not at one place of the text */
    public QueryInvalid(String message, int line, int column) {
        super(line > 0 ? "Line " + line + ", column " + column + ": " + message : message, null, false, false);
        this.line = line;
        this.column = column;
    }

    /** 1-based, or 0 when the fault is not at one place of the text. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
