package dev.sextant.watchlists;

import dev.sextant.platform.Caller;
import java.util.List;
import java.util.Optional;

/**
 * Named symbol sets that screens and queries run over: built-in ones ({@code demo},
 * {@code us-equities}, {@code etfs}, {@code crypto}, {@code macro}; the exchanges {@code NASDAQ},
 * {@code NYSE}, {@code NYSEARCA}, {@code AMEX}; US sectors such as {@code US_TECH}; the indices
 * {@code SP500}, {@code NASDAQ100}, {@code DOW30}), matched in any case, and each user's watchlists as
 * {@code watchlist:<name>}, visible to their owner only.
 */
public interface Universes {

    /** A universe's name, what it holds, and how many symbols. */
    record Universe(String name, String description, boolean builtIn, List<String> symbols) {
        public Universe {
            symbols = List.copyOf(symbols);
        }
    }

    /** Every universe the user can use, built-in ones first. */
    List<Universe> available(Caller caller);

    Optional<Universe> find(Caller caller, String name);
}
