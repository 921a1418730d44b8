package dev.sextant.watchlists;

import dev.sextant.platform.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's watchlists: named, ordered lists of known symbols, visible to their owner only. */
public interface Watchlists {

    /** One watchlist, its symbols in the owner's order. */
    record Watchlist(UUID id, String name, List<String> symbols, Instant createdAt, Instant updatedAt) {}

    /** The caller's watchlists, by name. */
    List<Watchlist> owned(Caller caller);

    /**
     * What {@link #add} did: the list as it now is, the symbols it added (canonical, in the order
     * given) and those it already held.
     *
     * @param created true when no list of that name existed and this call made it
     */
    record Added(Watchlist watchlist, List<String> added, List<String> alreadyListed, boolean created) {
        public Added {
            added = List.copyOf(added);
            alreadyListed = List.copyOf(alreadyListed);
        }
    }

    /**
     * Appends known symbols to the caller's watchlist named {@code name} (exactly, or else ignoring
     * case), creating it when {@code create} is true and it does not exist. Symbols already on the
     * list stay where they are. Refuses the whole call, changing nothing, when a symbol is unknown
     * ({@code unknown-symbol}, naming them), the list is missing and not to be created
     * ({@code not-found}), or a limit would be passed (the lists and symbols HTTP allows).
     */
    Added add(Caller caller, String name, List<String> symbols, boolean create);
}
