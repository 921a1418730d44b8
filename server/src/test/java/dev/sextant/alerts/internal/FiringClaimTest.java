package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.alerts.Alerts;
import dev.sextant.support.ServerHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A firing is claimed in the database: of several nodes (here threads) evaluating the same alert
 * and seeing the same edge, exactly one fires it; the cooldown and the state hold across them.
 */
class FiringClaimTest extends ServerHttpTest {

    private static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");
    private static final Duration COOLDOWN = Duration.ofMinutes(15);

    @Autowired
    AlertRepository repository;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.junit.jupiter.api.AfterEach
    void deleteAlerts() {
        jdbc.sql("DELETE FROM alert WHERE symbol = 'ZZ-CLAIM'").update();
    }

    private UUID stored() {
        UUID id = UUID.randomUUID();
        repository.insert(new AlertRepository.StoredAlert(
                id,
                UUID.randomUUID(),
                // Not a symbol the market serves: the live watch that reloads this alert opens no feed for it.
                "ZZ-CLAIM",
                "TRACK ZZ-CLAIM WHEN PRICE > 1",
                "PRICE > 1",
                Alerts.State.ACTIVE,
                NOW.minus(Duration.ofDays(1)),
                null,
                null,
                false));
        return id;
    }

    @Test
    void test_claimFiring_onceAmongConcurrentClaims_thenNotInsideTheCooldown() throws Exception {
        UUID id = stored();
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int node = 0; node < 8; node++) {
            claims.add(() -> repository.claimFiring(id, NOW, NOW.minus(COOLDOWN)));
        }
        int won = 0;
        try (ExecutorService nodes = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> claim : nodes.invokeAll(claims)) {
                won += claim.get() ? 1 : 0;
            }
        }
        Instant soon = NOW.plus(Duration.ofMinutes(5));
        Instant later = NOW.plus(COOLDOWN);

        assertThat(won).isEqualTo(1);
        assertThat(repository.claimFiring(id, soon, soon.minus(COOLDOWN))).isFalse();
        assertThat(repository.claimFiring(id, later, later.minus(COOLDOWN))).isTrue();
        AlertRepository.StoredAlert after = repository.active().stream()
                .filter(alert -> alert.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(after.lastFiredAt()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
        assertThat(after.met()).isTrue();
    }

    @Test
    void test_claimFiring_ofAPausedOrDeletedAlert_isRefused() {
        UUID paused = stored();
        UUID owner = repository.active().stream()
                .filter(alert -> alert.id().equals(paused))
                .findFirst()
                .orElseThrow()
                .owner();
        repository.setState(owner, paused, Alerts.State.PAUSED);

        assertThat(repository.claimFiring(paused, NOW, NOW.minus(COOLDOWN))).isFalse();
        assertThat(repository.claimFiring(UUID.randomUUID(), NOW, NOW.minus(COOLDOWN)))
                .isFalse();
    }
}
