package dev.sextant.alerts.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts ({@code SEXTANT_ALERTS_*}).
 *
 * @param maxPerUser alerts one user may keep, active and paused together
 * @param cooldown the least time between two firings of one alert: a condition that becomes true
 *     again sooner does not fire (and must turn false and true again after it to fire)
 * @param evaluationInterval how often an active alert's symbol is evaluated on its live quote at
 *     most (100 ms at the least: the demo market's tick)
 * @param threads threads evaluating alerts, shared by all users in turn
 * @param barsTtl how long a symbol's daily bars are reused between evaluations before they are read
 *     again (the live price is applied on every evaluation)
 * @param reloadInterval how often the active alerts are read again from the database, so that an
 *     alert created or paused on another node is seen here
 */
@Validated
@ConfigurationProperties("sextant.alerts")
record AlertProperties(
        @Min(1) @Max(10_000) @DefaultValue("100") int maxPerUser,
        @DefaultValue("15m") Duration cooldown,
        @DefaultValue("1s") Duration evaluationInterval,
        @Min(1) @Max(64) @DefaultValue("2") int threads,
        @DefaultValue("1m") Duration barsTtl,
        @DefaultValue("10s") Duration reloadInterval) {

    AlertProperties {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("sextant.alerts.cooldown must not be negative");
        }
        if (evaluationInterval.toMillis() < 100) {
            throw new IllegalArgumentException("sextant.alerts.evaluation-interval is 100ms at the least");
        }
        if (barsTtl.isNegative() || reloadInterval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "sextant.alerts.bars-ttl must not be negative and reload-interval is 100ms at the least");
        }
    }
}
