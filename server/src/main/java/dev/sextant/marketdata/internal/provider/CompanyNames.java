package dev.sextant.marketdata.internal.provider;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name a company goes by in the press, for news sources searched by text (NewsAPI, GDELT)
 * rather than by ticker. The wiring answers from the instrument catalog.
 */
@FunctionalInterface
public interface CompanyNames {

    /** The registered name of the instrument with this canonical symbol, e.g. "Apple Inc.". */
    Optional<String> nameOf(String symbol);

    static CompanyNames none() {
        return symbol -> Optional.empty();
    }

    /** Legal-form words that the press leaves out of a company's name. */
    Pattern LEGAL_FORM = Pattern.compile(
            "(?i)[,\\s]+(inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|sa|ag|nv|se|holdings?|group|class [a-z]|common stock|ordinary shares)\\.?$");

    /**
     * The words to search for: the name without its legal form and without characters a search
     * syntax would read as operators; empty when nothing searchable is left.
     */
    default Optional<String> searchTerm(String symbol) {
        return nameOf(symbol)
                .map(name -> {
                    String term = name.replaceAll("[^\\p{L}\\p{N}&' .-]", " ").strip();
                    String shorter;
                    while (!(shorter = LEGAL_FORM.matcher(term).replaceFirst("").strip()).equals(term)) {
                        term = shorter;
                    }
                    return term.replaceAll("\\s+", " ");
                })
                .filter(term ->
                        term.length() >= 3 && !term.toUpperCase(Locale.ROOT).equals(symbol));
    }
}
