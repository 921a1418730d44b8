package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.RequiresRedis;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/** Two nodes sharing the quote cache through the local Redis: one upstream call for the deployment. */
@RequiresRedis
class SharedQuoteCacheRedisTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-11T15:00:00Z"), ZoneOffset.UTC);
    private final RedisClient redis = RedisClient.create(RequiresRedis.URL);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<RedisSharedCache> shared = new ArrayList<>();
    private final AtomicInteger upstreamCalls = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.close();
        shared.forEach(RedisSharedCache::close);
        redis.shutdown();
    }

    private FreshCache<LiveQuote> node() {
        RedisSharedCache cache = new RedisSharedCache(redis);
        shared.add(cache);
        return new FreshCache<>(
                "quotes",
                LiveQuote.class,
                clock,
                executor,
                cache,
                JsonMapper.builder().build(),
                Duration.ofSeconds(5),
                1000);
    }

    private FreshCache.Freshness fifteenSeconds(LiveQuote quote) {
        return new FreshCache.Freshness(
                clock.instant().plusSeconds(15), clock.instant().plusSeconds(300));
    }

    @Test
    void test_concurrentRequestsOnTwoNodes_shareOneUpstreamCall_andTheValueRoundTrips() throws Exception {
        FreshCache<LiveQuote> first = node();
        FreshCache<LiveQuote> second = node();
        String key = "quote:public:TEST-" + UUID.randomUUID();
        LiveQuote quote = new LiveQuote(
                202.67, Double.NaN, "USD", Instant.parse("2025-06-11T14:59:00Z"), "yahoo", "public", null);
        Supplier<LiveQuote> upstream = () -> {
            upstreamCalls.incrementAndGet();
            sleep(300);
            return quote;
        };

        CountDownLatch start = new CountDownLatch(1);
        List<Future<FreshCache.Hit<LiveQuote>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            FreshCache<LiveQuote> node = i % 2 == 0 ? first : second;
            answers.add(executor.submit(() -> {
                start.await();
                return node.get(key, upstream, this::fifteenSeconds);
            }));
        }
        start.countDown();
        for (Future<FreshCache.Hit<LiveQuote>> answer : answers) {
            LiveQuote served = answer.get(20, TimeUnit.SECONDS).value();
            assertThat(served.price()).isEqualTo(202.67);
            assertThat(served.previousClose()).isNaN();
            assertThat(served.time()).isEqualTo(quote.time());
        }

        assertThat(upstreamCalls).hasValue(1);
        assertThat(first.stats().sharedHits() + second.stats().sharedHits()).isGreaterThanOrEqualTo(1);

        // A third node starting later finds the value in Redis.
        FreshCache<LiveQuote> third = node();
        assertThat(third.get(key, upstream, this::fifteenSeconds).value().provider())
                .isEqualTo("yahoo");
        assertThat(upstreamCalls).hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
