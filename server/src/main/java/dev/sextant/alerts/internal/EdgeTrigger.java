package dev.sextant.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When an alert fires: on the edge, the evaluation at which its condition becomes true after one at
 * which it was not (a new or resumed alert counts as not met before its first evaluation), and only
 * once the cooldown since its last firing has passed. An edge inside the cooldown is not kept for
 * later: the condition must turn false and true again. So a condition that stays true fires once,
 * and one that flickers around its threshold fires at most once per cooldown. Immutable.
 */
record EdgeTrigger(Duration cooldown) {

    EdgeTrigger {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
    }

    /**
     * @param wasMet whether the condition held at the previous evaluation
     * @param met whether it holds now
     * @param lastFired when the alert last fired, null if never
     */
    boolean fires(boolean wasMet, boolean met, @Nullable Instant lastFired, Instant now) {
        return met && !wasMet && (lastFired == null || !now.isBefore(lastFired.plus(cooldown)));
    }

    /** The latest last-firing time that lets an alert fire at {@code now}. */
    Instant cooledDownBy(Instant now) {
        return now.minus(cooldown);
    }
}
