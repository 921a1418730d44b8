package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When an alert fires: on the edge to true, at most once per cooldown. */
class EdgeTriggerTest {

    private static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");
    private static final EdgeTrigger TRIGGER = new EdgeTrigger(Duration.ofMinutes(15));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(false, true, null, true, "becomes true, never fired"),
                Arguments.of(true, true, null, false, "stays true"),
                Arguments.of(true, false, null, false, "becomes false"),
                Arguments.of(false, false, null, false, "stays false"),
                Arguments.of(false, true, NOW.minusSeconds(60), false, "becomes true inside the cooldown"),
                Arguments.of(false, true, NOW.minus(Duration.ofMinutes(15)), true, "becomes true as the cooldown ends"),
                Arguments.of(false, true, NOW.minus(Duration.ofHours(2)), true, "becomes true after the cooldown"),
                Arguments.of(true, true, NOW.minus(Duration.ofHours(2)), false, "stays true after the cooldown"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("cases")
    void test_fires(boolean wasMet, boolean met, Instant lastFired, boolean fires, String what) {
        assertThat(TRIGGER.fires(wasMet, met, lastFired, NOW)).isEqualTo(fires);
    }

    @Test
    void test_fires_aFlickeringCondition_firesAtMostOncePerCooldown_andOnEveryEdgeOutsideIt() {
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 100; run++) {
            Duration cooldown = Duration.ofSeconds(random.nextInt(0, 600));
            EdgeTrigger trigger = new EdgeTrigger(cooldown);
            boolean met = false;
            Instant lastFired = null;
            Instant now = NOW;
            List<Instant> firings = new ArrayList<>();
            for (int tick = 0; tick < 2_000; tick++) {
                now = now.plusSeconds(random.nextInt(1, 30));
                boolean next = random.nextInt(4) == 0 ? !met : met;
                boolean edge = next && !met;
                boolean cooled =
                        lastFired == null || Duration.between(lastFired, now).compareTo(cooldown) >= 0;
                boolean fires = trigger.fires(met, next, lastFired, now);
                assertThat(fires).isEqualTo(edge && cooled);
                if (fires) {
                    firings.add(now);
                    lastFired = now;
                }
                met = next;
            }
            for (int i = 1; i < firings.size(); i++) {
                assertThat(Duration.between(firings.get(i - 1), firings.get(i))).isGreaterThanOrEqualTo(cooldown);
            }
        }
    }

    @Test
    void test_cooledDownBy_isTheCooldownBeforeNow() {
        assertThat(TRIGGER.cooledDownBy(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> new EdgeTrigger(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
