package dev.sextant.marketdata.internal.live;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared cache in Redis: values under {@code sextant:md:<key>}, fetch locks under
 * {@code sextant:md:lock:<key>} holding this node's token, so a node only ever releases its own lock.
 */
final class RedisSharedCache implements SharedCache, AutoCloseable {

    private static final String PREFIX = "sextant:md:";
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final StatefulRedisConnection<String, String> connection;
    private final String token = UUID.randomUUID().toString();

    RedisSharedCache(RedisClient client) {
        this.connection = client.connect();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(connection.sync().get(PREFIX + key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        connection.sync().set(PREFIX + key, value, SetArgs.Builder.px(ttl.toMillis()));
    }

    @Override
    public boolean tryLock(String key, Duration ttl) {
        return "OK"
                .equals(connection
                        .sync()
                        .set(PREFIX + "lock:" + key, token, SetArgs.Builder.nx().px(ttl.toMillis())));
    }

    @Override
    public void unlock(String key) {
        connection.sync().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {PREFIX + "lock:" + key}, token);
    }

    @Override
    public void close() {
        connection.close();
    }
}
