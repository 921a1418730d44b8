package dev.sextant.analytics.query;

/** A query that parses but cannot run as written: wrong arguments, spans or limits exceeded. */
public final class QueryInvalid extends RuntimeException {

    public QueryInvalid(String message) {
        super(message, null, false, false);
    }
}
