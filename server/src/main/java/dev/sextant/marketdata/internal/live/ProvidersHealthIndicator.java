package dev.sextant.marketdata.internal.live;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports the real market-data providers under {@code /health} as {@code providers}: each one's
 * circuit and last success. {@code DEGRADED} (still HTTP 200, and not part of readiness) when the
 * providers asked are all down and none answers: the server works, its demo market and stored data too, but nothing new
 * comes in. Reads what the guards already know; it never calls a provider.
 */
@Component("providersHealthIndicator")
class ProvidersHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Every enabled market-data provider is failing");

    private final Arbitrator arbitrator;

    ProvidersHealthIndicator(Arbitrator arbitrator) {
        this.arbitrator = arbitrator;
    }

    @Override
    public Health health() {
        List<GuardedProvider> providers = arbitrator.providers();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean anyUp = false;
        boolean anyDown = false;
        for (GuardedProvider provider : providers) {
            ProviderScore.Snapshot score = provider.score().snapshot();
            String status = status(provider.circuitState(), score);
            anyUp |= status.equals("UP");
            anyDown |= status.equals("DOWN");
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", status);
            detail.put("circuit", provider.circuitState().name().toLowerCase(Locale.ROOT));
            detail.put("lastSuccessAt", text(score.lastSuccessAt()));
            detail.put("lastFailureAt", text(score.lastFailureAt()));
            details.put(provider.id(), detail);
        }
        Health.Builder health = anyDown && !anyUp ? Health.status(DEGRADED) : Health.up();
        return health.withDetail("enabled", providers.size())
                .withDetails(details)
                .build();
    }

    /**
     * DOWN: its circuit is open, or its latest call failed; UP: its latest call succeeded; UNKNOWN:
     * not asked anything yet.
     */
    private static String status(CircuitBreaker.State circuit, ProviderScore.Snapshot score) {
        if (circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN) {
            return "DOWN";
        }
        Instant failed = score.lastFailureAt();
        Instant succeeded = score.lastSuccessAt();
        if (failed == null && succeeded == null) {
            return "UNKNOWN";
        }
        return failed != null && (succeeded == null || failed.isAfter(succeeded)) ? "DOWN" : "UP";
    }

    private static String text(Instant instant) {
        return instant == null ? "never" : instant.toString();
    }
}
