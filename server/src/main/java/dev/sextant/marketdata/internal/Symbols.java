package dev.sextant.marketdata.internal;

import dev.sextant.platform.ApiProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a symbol from a request and answers its canonical (upper-case) form. */
final class Symbols {

    // Canonical symbols: letters, digits and the punctuation providers use (^GSPC, BRK.B, BTC-USD, EURUSD=X).
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^.=_-]{1,32}");

    private Symbols() {}

    static String canonical(String symbol, String parameter) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw ApiProblem.invalidParameter(
                    parameter,
                    "'" + abbreviate(symbol == null ? "" : symbol)
                            + "' is not a symbol: use 1 to 32 letters, digits or ^ . = _ -");
        }
        return symbol.toUpperCase(Locale.ROOT);
    }

    /** Echoes at most a short, printable prefix of the caller's input. */
    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
