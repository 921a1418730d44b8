package dev.sextant.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.sextant.analytics.query.Ast;
import dev.sextant.platform.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's alerts, each visible to and changed by its owner only (another user's alert is answered
 * as missing). Writes need {@code marketdata:write}, reads {@code marketdata:read}, as watchlists';
 * every write is audited. Refusals are {@link dev.sextant.platform.DomainException}s with the
 * {@link AlertRefusals} codes and market data's {@code unknown-symbol}. Thread-safe; the caller is
 * explicit, so tools and agents call it as HTTP does.
 */
public interface Alerts {

    /** Whether an alert is evaluated. */
    enum State {
        ACTIVE,
        PAUSED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One alert. Immutable.
     *
     * @param statement the TRACK statement in its canonical form ({@code TRACK SYMBOL WHEN condition})
     * @param condition the condition as written
     * @param lastEvaluatedAt null until a quote was evaluated (written at most every few seconds)
     * @param lastFiredAt null until it fired
     */
    record Alert(
            UUID id,
            String symbol,
            String statement,
            String condition,
            State state,
            Instant createdAt,
            @Nullable Instant lastEvaluatedAt,
            @Nullable Instant lastFiredAt) {}

    /**
     * One time an alert fired: the price that made the condition true and each metric's value then.
     * Immutable; {@code double} as quotes are (analytics values, not money in an account).
     *
     * @param values each metric the condition reads and its value (null where it could not be
     *     computed), in order of appearance
     * @param provider where the price came from
     * @param demo true when the price or the bars were synthetic demo data
     */
    record Firing(
            UUID alertId,
            String symbol,
            Instant firedAt,
            double price,
            Instant priceTime,
            Map<String, @Nullable Double> values,
            String provider,
            boolean demo) {}

    /**
     * Stores a TRACK statement (checked by the query engine's parser) as the caller's active alert.
     * Refuses an unknown symbol, a caller without {@code marketdata:write}, and one alert more than
     * the per-user limit.
     */
    Alert track(Caller caller, Ast.Track track);

    /** The caller's alerts, oldest first. */
    List<Alert> owned(Caller caller);

    Alert get(Caller caller, UUID id);

    /** Sets the state; pausing a paused alert (or resuming an active one) changes nothing. */
    Alert setState(Caller caller, UUID id, State state);

    void delete(Caller caller, UUID id);

    /** The alert's firings, newest first, at most {@code limit}. */
    List<Firing> firings(Caller caller, UUID id, int limit);
}
