package dev.sextant.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.streams.QuoteFeed;
import dev.sextant.support.RequiresRedis;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on the real Redis watch one symbol: it is polled once per interval for both together,
 * each quote is published once, and both nodes' subscribers get the same quotes.
 */
@RequiresRedis
class RedisQuoteFanoutTest {

    /** A market whose quote changes every call, counting the calls (the upstream the feeds must spare). */
    private static final class CountingMarket implements MarketDataService {
        final AtomicInteger quotes = new AtomicInteger();

        @Override
        public Quote quote(Caller caller, String symbol) {
            int n = quotes.incrementAndGet();
            Instant now = Instant.now();
            return new Quote(symbol, 100 + n * 0.01, 0, 0, "USD", now, "stub", false, now, false);
        }

        @Override
        public List<Instrument> instruments(Caller caller) {
            return List.of();
        }

        @Override
        public Optional<Instrument> instrument(Caller caller, String symbol) {
            return Optional.empty();
        }

        @Override
        public List<SearchHit> search(Caller caller, String text, int limit) {
            return List.of();
        }

        @Override
        public List<Quote> quotes(Caller caller, List<String> symbols) {
            return symbols.stream().map(s -> quote(caller, s)).toList();
        }

        @Override
        public BarSeries bars(Caller caller, BarRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Fundamentals fundamentals(Caller caller, String symbol, LocalDate asOf, Set<String> concepts) {
            throw new UnsupportedOperationException();
        }
    }

    private final RedisClient redis = RedisClient.create(RequiresRedis.URL);
    private final CountingMarket market = new CountingMarket();
    private final List<SymbolFeeds> nodes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(SymbolFeeds::stop);
        redis.shutdown();
    }

    private SymbolFeeds node() {
        StreamProperties properties = new StreamProperties(
                50,
                10,
                20,
                16384,
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                4096,
                Duration.ofMillis(200));
        SymbolFeeds node = new SymbolFeeds(
                market,
                properties,
                new StaticListableBeanFactory(Map.of("redis", redis)).getBeanProvider(RedisClient.class),
                JsonMapper.builder().build());
        nodes.add(node);
        return node;
    }

    @Test
    void test_twoNodes_pollOncePerInterval_andBothDeliverEveryQuote() throws Exception {
        String symbol = "FANOUT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Caller caller = Caller.session(UserId.random(), Role.USER);
        List<Quote> onA = new CopyOnWriteArrayList<>();
        List<Quote> onB = new CopyOnWriteArrayList<>();
        SymbolFeeds a = node();
        SymbolFeeds b = node();
        try (QuoteFeed.Subscription first = a.subscribe(caller, symbol, Duration.ofMillis(200), onA::add);
                QuoteFeed.Subscription second = b.subscribe(caller, symbol, Duration.ofMillis(200), onB::add)) {
            int before = market.quotes.get();
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(20).toNanos();
            while (onB.size() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int polls = market.quotes.get() - before;
            assertThat(onB).hasSizeGreaterThanOrEqualTo(10);
            // Two nodes polling on their own would ask twice per interval: one lead asks once (plus slack).
            assertThat((double) polls).isLessThanOrEqualTo(seconds / 0.18 + 2);
            Thread.sleep(500);
            List<Double> pricesA = onA.stream().map(Quote::price).toList();
            List<Double> pricesB = onB.stream().map(Quote::price).toList();
            assertThat(pricesB.subList(0, 10)).isSubsetOf(pricesA);
            assertThat(pricesA).doesNotHaveDuplicates();
        }
    }
}
