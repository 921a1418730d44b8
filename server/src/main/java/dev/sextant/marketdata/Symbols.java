package dev.sextant.marketdata;

import dev.sextant.platform.DomainException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a symbol from a request and answers its canonical (upper-case) form, or refuses it as
 * {@link MarketDataRefusals#INVALID_PARAMETER}, naming the parameter. Every endpoint that takes a symbol checks it
 * here before it reaches {@link MarketDataService} or {@link BarRequest}, whose own checks are
 * programming errors (500), not answers to a client.
 */
public final class Symbols {

    // Canonical symbols: letters, digits and the punctuation providers use (^GSPC, BRK.B, BTC-USD, EURUSD=X).
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^.=_-]{1,32}");

    private Symbols() {}

    public static String canonical(String symbol, String parameter) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw invalid(
                    parameter,
                    "'" + abbreviate(symbol == null ? "" : symbol)
                            + "' is not a symbol: use 1 to 32 letters, digits or ^ . = _ -");
        }
        return symbol.toUpperCase(Locale.ROOT);
    }

    /** Checks a batch of symbols: at least one, at most {@code max}, each a symbol. */
    public static List<String> canonicalBatch(List<String> symbols, int max, String parameter) {
        if (symbols.isEmpty()) {
            throw invalid(parameter, "Give at least one symbol.");
        }
        if (symbols.size() > max) {
            throw invalid(parameter, "At most " + max + " symbols per request; " + symbols.size() + " were given.");
        }
        return symbols.stream()
                .map(s -> canonical(s == null ? "" : s.strip(), parameter))
                .toList();
    }

    private static DomainException invalid(String parameter, String detail) {
        return new DomainException(MarketDataRefusals.INVALID_PARAMETER, detail, Map.of("parameter", parameter));
    }

    /** Echoes at most a short, printable prefix of the caller's input. */
    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
