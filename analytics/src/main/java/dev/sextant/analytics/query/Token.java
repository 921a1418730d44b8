package dev.sextant.analytics.query;

/** A token of FK-DSL with where it starts (1-based line and column). */
record Token(Kind kind, String text, int line, int column) {

    enum Kind {
        WORD,
        NUMBER,
        DURATION,
        /** A date as written, e.g. {@code 2024-03-28}: digits joined by '-' (checked by the parser). */
        DATE,
        LPAREN,
        RPAREN,
        COMMA,
        COLON,
        SEMICOLON,
        /** A comparison: {@code < <= > >= = !=}. */
        COMPARISON,
        /** Arithmetic: {@code * / +}. */
        ARITHMETIC,
        PERCENT,
        /** {@code ->} or {@code →} (U+2192) in {@code MACRO: ... -> REGRESSION ON ...}. */
        ARROW,
        /** {@code .} before an output's name, as in {@code BBANDS(20,2).upper}. */
        DOT,
        END
    }

    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
