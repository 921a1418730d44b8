package dev.sextant.streams.internal;

import dev.sextant.marketdata.Quote;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream across several nodes sharing Redis: for each poll of a symbol one node leads (a
 * {@code SET NX PX} of the poll interval), asks the market-data face once and publishes the quote
 * on {@code sextant:stream:quote:<symbol>}; every node, the leader included, delivers what arrives
 * there to its own clients. So a symbol is polled once per interval for the whole cluster and every
 * update is published once. Quotes bought with a user's own provider key never go through Redis.
 */
final class RedisQuoteFanout implements AutoCloseable {

    static final String CHANNEL_PREFIX = "sextant:stream:quote:";
    private static final String LEAD_PREFIX = "sextant:stream:lead:";
    private static final Logger log = LoggerFactory.getLogger(RedisQuoteFanout.class);

    private final String node = UUID.randomUUID().toString();
    private final JsonMapper json;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscription;

    RedisQuoteFanout(RedisClient client, JsonMapper json, Consumer<Quote> deliver) {
        this.json = json;
        this.commands = client.connect();
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                try {
                    deliver.accept(json.readValue(message, Quote.class));
                } catch (JacksonException | IllegalArgumentException e) {
                    log.warn("A stream quote on {} could not be read: {}", channel, e.getMessage());
                }
            }
        });
        subscription.sync().psubscribe(CHANNEL_PREFIX + "*");
    }

    /** Whether this node polls {@code symbol} now: it holds the lead for the next {@code intervalMs}. */
    boolean leads(String symbol, long intervalMs) {
        long hold = Math.max(intervalMs * 9 / 10, 50);
        return "OK"
                .equals(commands.sync()
                        .set(LEAD_PREFIX + symbol, node, SetArgs.Builder.nx().px(hold)));
    }

    void publish(Quote quote) {
        commands.async().publish(CHANNEL_PREFIX + quote.symbol(), json.writeValueAsString(quote));
    }

    @Override
    public void close() {
        subscription.close();
        commands.close();
    }
}
