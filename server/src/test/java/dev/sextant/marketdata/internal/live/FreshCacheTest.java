package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FreshCacheTest {

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-11T15:00:00Z"));
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger upstreamCalls = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.close();
    }

    private FreshCache<String> cache() {
        return new FreshCache<>(
                "test",
                String.class,
                clock,
                executor,
                null,
                JsonMapper.builder().build(),
                Duration.ofSeconds(2),
                1000);
    }

    private FreshCache.Freshness tenSecondsThenAMinuteStale(String value) {
        return new FreshCache.Freshness(
                clock.instant().plusSeconds(10), clock.instant().plusSeconds(70));
    }

    private Supplier<String> upstream(String value) {
        return () -> {
            upstreamCalls.incrementAndGet();
            return value;
        };
    }

    @Test
    void test_freshValues_areServedWithoutAskingAgain() {
        FreshCache<String> cache = cache();

        FreshCache.Hit<String> first = cache.get("k", upstream("v1"), this::tenSecondsThenAMinuteStale);
        clock.advance(Duration.ofSeconds(9));
        FreshCache.Hit<String> second = cache.get("k", upstream("v2"), this::tenSecondsThenAMinuteStale);

        assertThat(second.value()).isEqualTo("v1");
        assertThat(second.stale()).isFalse();
        assertThat(second.fetchedAt()).isEqualTo(first.fetchedAt());
        assertThat(upstreamCalls).hasValue(1);
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void test_pastItsFreshness_theStaleValueIsServedWhileOneRefreshRuns() throws Exception {
        FreshCache<String> cache = cache();
        cache.get("k", upstream("v1"), this::tenSecondsThenAMinuteStale);
        clock.advance(Duration.ofSeconds(30));

        FreshCache.Hit<String> stale = cache.get("k", upstream("v2"), this::tenSecondsThenAMinuteStale);

        assertThat(stale.value()).isEqualTo("v1");
        assertThat(stale.stale()).isTrue();
        waitFor(() -> upstreamCalls.get() == 2);
        waitFor(() -> !cache.get("k", upstream("v3"), this::tenSecondsThenAMinuteStale)
                .stale());
        assertThat(cache.get("k", upstream("v3"), this::tenSecondsThenAMinuteStale)
                        .value())
                .isEqualTo("v2");
        assertThat(upstreamCalls).hasValue(2);
    }

    @Test
    void test_pastTheStaleWindow_theCallerWaitsForAFreshValue() {
        FreshCache<String> cache = cache();
        cache.get("k", upstream("v1"), this::tenSecondsThenAMinuteStale);
        clock.advance(Duration.ofSeconds(71));

        FreshCache.Hit<String> hit = cache.get("k", upstream("v2"), this::tenSecondsThenAMinuteStale);

        assertThat(hit.value()).isEqualTo("v2");
        assertThat(hit.stale()).isFalse();
    }

    @Test
    void test_failuresAreNotCached_andAFailedRefreshKeepsTheStaleValue() throws Exception {
        FreshCache<String> cache = cache();
        Supplier<String> failing = () -> {
            upstreamCalls.incrementAndGet();
            throw new IllegalStateException("provider down");
        };
        assertThatThrownBy(() -> cache.get("k", failing, this::tenSecondsThenAMinuteStale))
                .hasMessage("provider down");
        assertThat(cache.get("k", upstream("v1"), this::tenSecondsThenAMinuteStale)
                        .value())
                .isEqualTo("v1");

        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.get("k", failing, this::tenSecondsThenAMinuteStale).value())
                .isEqualTo("v1");
        waitFor(() -> upstreamCalls.get() == 3);
        FreshCache.Hit<String> afterFailedRefresh = cache.get("k", upstream("v2"), this::tenSecondsThenAMinuteStale);
        assertThat(afterFailedRefresh.value()).isEqualTo("v1");
        assertThat(afterFailedRefresh.stale()).isTrue();
        assertThat(cache.stats().failures())
                .as("the first fetch and the background refresh; v2's refresh succeeds")
                .isEqualTo(2);
    }

    @Test
    void test_aThousandConcurrentMisses_makeOneUpstreamCall() throws Exception {
        FreshCache<String> cache = cache();
        CountDownLatch start = new CountDownLatch(1);
        Supplier<String> slowUpstream = () -> {
            upstreamCalls.incrementAndGet();
            sleep(200);
            return "v";
        };
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            answers.add(executor.submit(() -> {
                start.await();
                return cache.get("k", slowUpstream, this::tenSecondsThenAMinuteStale)
                        .value();
            }));
        }
        start.countDown();
        for (Future<String> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("v");
        }

        assertThat(upstreamCalls).hasValue(1);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
