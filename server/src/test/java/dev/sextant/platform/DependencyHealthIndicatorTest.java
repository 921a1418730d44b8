package dev.sextant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class DependencyHealthIndicatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** A dependency whose probe counts its calls and can be made to fail. */
    static final class Probed extends DependencyHealthIndicator {
        final AtomicInteger probes = new AtomicInteger();
        volatile boolean failing;
        volatile CountDownLatch gate;

        Probed(Duration maxAge) {
            super(CLOCK, maxAge);
        }

        @Override
        protected Map<String, Object> probe() throws Exception {
            probes.incrementAndGet();
            if (gate != null) {
                gate.await();
            }
            if (failing) {
                throw new SQLException(
                        "Connection to jdbc:postgresql://db.internal:5432/prod?password=hunter2 refused");
            }
            return Map.of("type", "fake");
        }
    }

    @Test
    void test_health_isUpWithDetailsAndCheckTime() {
        Health health = new Probed(Duration.ofSeconds(2)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("type", "fake")
                .containsEntry("checkedAt", "2025-01-02T03:04:05Z")
                .containsKey("latencyMs");
    }

    @Test
    void test_failure_isDownAndShowsOnlyTheKindOfError() {
        Probed dependency = new Probed(Duration.ofSeconds(2));
        dependency.failing = true;

        Health health = dependency.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "SQLException");
        assertThat(health.getDetails().toString()).doesNotContain("hunter2", "db.internal");
    }

    @Test
    void test_results_areReusedWithinMaxAge() {
        Probed dependency = new Probed(Duration.ofHours(1));

        for (int i = 0; i < 100; i++) {
            dependency.health();
        }

        assertThat(dependency.probes).hasValue(1);
    }

    @Test
    void test_expiredResult_isCheckedAgain() {
        Probed dependency = new Probed(Duration.ZERO);

        dependency.health();
        dependency.health();

        assertThat(dependency.probes).hasValue(2);
    }

    @Test
    void test_slowRefresh_doesNotHoldUpOtherCallers() throws Exception {
        Probed dependency = new Probed(Duration.ZERO);
        dependency.health();
        dependency.gate = new CountDownLatch(1);
        Thread refresher = Thread.ofVirtual().start(dependency::health);
        while (dependency.probes.get() < 2) {
            Thread.onSpinWait();
        }

        Health whileRefreshing = dependency.health();

        assertThat(whileRefreshing.getStatus()).isEqualTo(Status.UP);
        assertThat(dependency.probes).hasValue(2);
        dependency.gate.countDown();
        refresher.join();
    }
}
