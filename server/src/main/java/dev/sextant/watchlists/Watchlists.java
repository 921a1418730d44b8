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
}
