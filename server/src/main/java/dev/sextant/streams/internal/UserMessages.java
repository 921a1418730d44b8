package dev.sextant.streams.internal;

import dev.sextant.platform.UserId;
import dev.sextant.streams.UserStreams;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link UserStreams}: the message is rendered once and queued, numbered, on each stream of the
 * user on this node. With Redis it is published on {@value #CHANNEL} instead, and every node (this
 * one too) delivers what arrives there, so a user's streams on any node get it exactly once.
 */
@Component
class UserMessages implements UserStreams {

    static final String CHANNEL = "sextant:stream:user";
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final Logger log = LoggerFactory.getLogger(UserMessages.class);

    /** Hands a rendered message to the user's streams on this node. */
    interface LocalDelivery {
        void deliver(UserId user, String type, String members);
    }

    private final LocalDelivery local;
    private final JsonMapper json;
    private final @Nullable StatefulRedisConnection<String, String> commands;
    private final @Nullable StatefulRedisPubSubConnection<String, String> subscription;

    @org.springframework.beans.factory.annotation.Autowired
    UserMessages(ClientStreams streams, JsonMapper json, ObjectProvider<RedisClient> redis) {
        // Firings are rare: a scan of this node's streams per message costs nothing worth an index.
        this(
                (user, type, members) -> streams.ofUser(user).forEach(stream -> stream.enqueue(type, members)),
                json,
                redis.getIfAvailable());
    }

    UserMessages(LocalDelivery local, JsonMapper json, @Nullable RedisClient client) {
        this.local = local;
        this.json = json;
        if (client == null) {
            commands = null;
            subscription = null;
            return;
        }
        commands = client.connect();
        subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                receive(message);
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    @PreDestroy
    void close() {
        if (subscription != null) {
            subscription.close();
        }
        if (commands != null) {
            commands.close();
        }
    }

    @Override
    public void send(UserId user, String type, Object data) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("A stream message type is a lower-case word: " + type);
        }
        String members = "\"data\":" + json.writeValueAsString(data);
        if (commands == null) {
            deliver(user, type, members);
            return;
        }
        String envelope = json.writeValueAsString(
                java.util.Map.of("user", user.value().toString(), "type", type, "members", members));
        commands.async().publish(CHANNEL, envelope);
    }

    private void receive(String envelope) {
        try {
            JsonNode node = json.readTree(envelope);
            String type = node.path("type").asString();
            if (!TYPE.matcher(type).matches()) {
                return;
            }
            deliver(
                    UserId.of(node.path("user").asString()),
                    type,
                    node.path("members").asString());
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("A user stream message from Redis could not be read: {}", e.getMessage());
        }
    }

    private void deliver(UserId user, String type, String members) {
        local.deliver(user, type, members);
    }
}
