package dev.sextant.alerts.internal;

import dev.sextant.analytics.query.Ast;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An active alert as this node evaluates it: its parsed condition and its edge state. The state is
 * changed only under the alert's own lock (one evaluation of an alert at a time), read anywhere.
 */
final class LiveAlert {

    final UUID id;
    final UUID owner;
    final Ast.Track track;
    /** Whether the condition held at the last evaluation. */
    volatile boolean met;

    volatile @Nullable Instant lastFiredAt;
    volatile @Nullable Instant lastEvaluatedAt;
    /** Evaluated since its state was last written to the database. */
    volatile boolean unwritten;

    LiveAlert(UUID id, UUID owner, Ast.Track track, boolean met, @Nullable Instant lastFiredAt) {
        this.id = id;
        this.owner = owner;
        this.track = track;
        this.met = met;
        this.lastFiredAt = lastFiredAt;
    }

    String symbol() {
        return track.symbol();
    }
}
