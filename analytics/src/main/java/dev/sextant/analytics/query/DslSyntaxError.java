package dev.sextant.analytics.query;

/** A query that does not parse: where, what was expected, and the nearest valid name when there is one. */
public final class DslSyntaxError extends RuntimeException {

    private final int line;
    private final int column;
    private final String expected;

    DslSyntaxError(int line, int column, String expected, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }
}
