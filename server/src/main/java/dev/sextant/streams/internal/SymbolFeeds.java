package dev.sextant.streams.internal;

import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.events.QuoteRefreshed;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.streams.QuoteFeed;
import io.lettuce.core.RedisClient;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link QuoteFeed}: one feed per symbol, however many subscribers. A feed polls the market-data
 * face at the shortest interval its subscribers asked for (at least {@value #MIN_INTERVAL_MS} ms for
 * the demo market, whose quotes tick every 100 ms, and the configured provider poll interval for
 * real providers, whose quote cache bounds the calls upstream to the provider's freshness budget),
 * and hands each new quote to every subscriber.
 *
 * <p>The feed asks as a caller of its own that holds no provider keys, so what it delivers is data
 * any user may see. Quotes bought with one user's own provider key arrive as {@link QuoteRefreshed}
 * events naming that user; they are fetched again as that user and delivered to that user's
 * subscriptions only.
 */
@Component
class SymbolFeeds implements QuoteFeed {

    static final long MIN_INTERVAL_MS = 100;
    private static final Logger log = LoggerFactory.getLogger(SymbolFeeds.class);
    /** The feed's own caller: an account no one has, so no user's provider key is ever used for it. */
    private static final Caller FEED_CALLER =
            Caller.session(UserId.of("00000000-0000-0000-0000-00000000feed"), Role.USER);

    private final MarketDataService market;
    private final StreamProperties properties;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stream-feeds").daemon().factory());
    private final ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor();
    /** Present with Redis: polls are led by one node and every quote is published once to all nodes. */
    private final @Nullable RedisQuoteFanout fanout;

    SymbolFeeds(
            MarketDataService market, StreamProperties properties, ObjectProvider<RedisClient> redis, JsonMapper json) {
        this.market = market;
        this.properties = properties;
        RedisClient client = redis.getIfAvailable();
        this.fanout = client == null ? null : new RedisQuoteFanout(client, json, this::deliverLocally);
        ticker.scheduleWithFixedDelay(this::tick, MIN_INTERVAL_MS, MIN_INTERVAL_MS / 2, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        polls.shutdownNow();
        if (fanout != null) {
            fanout.close();
        }
    }

    @Override
    public Subscription subscribe(Caller caller, String symbol, Consumer<Quote> listener) {
        return subscribe(caller, symbol, Duration.ofSeconds(1), listener);
    }

    @Override
    public Subscription subscribe(Caller caller, String symbol, Duration interval, Consumer<Quote> listener) {
        // The caller's own read checks the symbol (and its right to it) as the face refuses it.
        Quote first = market.quote(caller, symbol);
        Subscriber subscriber = new Subscriber(caller.user(), Math.max(interval.toMillis(), MIN_INTERVAL_MS), listener);
        Feed feed = feeds.compute(first.symbol(), (key, existing) -> {
            Feed joined = existing != null ? existing : new Feed(key);
            joined.subscribers.add(subscriber);
            return joined;
        });
        feed.demo = first.demo();
        return () -> feeds.computeIfPresent(feed.symbol, (key, existing) -> {
            existing.subscribers.remove(subscriber);
            return existing.subscribers.isEmpty() ? null : existing;
        });
    }

    /** A quote from this node's poll or, with Redis, from any node's. */
    private void deliverLocally(Quote quote) {
        Feed feed = feeds.get(quote.symbol());
        if (feed != null) {
            feed.deliver(quote);
        }
    }

    /** How many upstream feeds run now: one per watched symbol. */
    int feedCount() {
        return feeds.size();
    }

    /**
     * A quote fetched fresh somewhere in this node: public ones are polled at once (the cache now
     * holds it), one bought with a user's own key goes to that user's subscribers only.
     */
    @EventListener
    void on(QuoteRefreshed refreshed) {
        Feed feed = feeds.get(refreshed.symbol());
        if (feed == null) {
            return;
        }
        if (refreshed.keyOwner().isEmpty()) {
            feed.nextPollAt = 0;
            return;
        }
        UserId owner = refreshed.keyOwner().get();
        List<Subscriber> own =
                feed.subscribers.stream().filter(s -> s.user.equals(owner)).toList();
        if (own.isEmpty()) {
            return;
        }
        polls.execute(() -> {
            try {
                Quote quote = market.quote(Caller.session(owner, Role.USER), refreshed.symbol());
                own.forEach(subscriber -> subscriber.deliver(quote));
            } catch (DomainException e) {
                log.debug("{}'s own quote of {} is not available: {}", owner, refreshed.symbol(), e.getMessage());
            }
        });
    }

    private void tick() {
        // Scheduling follows the machine's time, not the market clock (which a test may fix).
        long now = System.nanoTime() / 1_000_000;
        for (Feed feed : feeds.values()) {
            if (now >= feed.nextPollAt && feed.polling.compareAndSet(false, true)) {
                feed.nextPollAt = now + feed.interval();
                polls.execute(feed::poll);
            }
        }
    }

    private record Subscriber(UserId user, long intervalMs, Consumer<Quote> listener) {
        void deliver(Quote quote) {
            try {
                listener.accept(quote);
            } catch (RuntimeException e) {
                // One subscriber's failure must not stop the others' delivery; it is a bug to see.
                log.warn("A quote subscriber failed on {}", quote.symbol(), e);
            }
        }
    }

    private final class Feed {
        final String symbol;
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        final AtomicBoolean polling = new AtomicBoolean();
        volatile long nextPollAt;
        volatile boolean demo;
        volatile @Nullable Quote last;

        Feed(String symbol) {
            this.symbol = symbol;
        }

        long interval() {
            long floor =
                    demo ? MIN_INTERVAL_MS : properties.providerPollInterval().toMillis();
            long wanted = Long.MAX_VALUE;
            for (Subscriber subscriber : subscribers) {
                wanted = Math.min(wanted, subscriber.intervalMs);
            }
            return Math.max(wanted == Long.MAX_VALUE ? 1000 : wanted, floor);
        }

        void poll() {
            try {
                if (fanout != null && !fanout.leads(symbol, interval())) {
                    return; // another node polls it now and publishes to every node
                }
                Quote quote = market.quote(FEED_CALLER, symbol);
                demo = quote.demo();
                if (fanout != null) {
                    fanout.publish(quote);
                } else {
                    deliver(quote);
                }
            } catch (DomainException e) {
                log.debug("No quote of {} for the stream now: {}", symbol, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Polling {} for the stream failed", symbol, e);
            } finally {
                polling.set(false);
            }
        }

        /** Hands a quote to every subscriber here, unless it is the one delivered last. */
        synchronized void deliver(Quote quote) {
            Quote previous = last;
            if (previous != null
                    && !quote.time().isAfter(previous.time())
                    && previous.price() == quote.price()
                    && Objects.equals(previous.provider(), quote.provider())) {
                return;
            }
            last = quote;
            for (Subscriber subscriber : subscribers) {
                subscriber.deliver(quote);
            }
        }
    }
}
