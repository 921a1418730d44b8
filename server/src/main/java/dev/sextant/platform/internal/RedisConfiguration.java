package dev.sextant.platform.internal;

import dev.sextant.platform.DependencyHealthIndicator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis, when {@code SEXTANT_REDIS_URL} is set: one Lettuce client for the modules that share state
 * across nodes (rate-limit buckets now; caches and streaming later), and {@code redis} on /health.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${sextant.redis-url:}'.isBlank()")
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(PlatformProperties properties) {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(Duration.ofSeconds(2));
        return RedisClient.create(uri);
    }

    @Bean("redisHealthIndicator")
    DependencyHealthIndicator redisHealthIndicator(RedisClient client, Clock clock, PlatformProperties properties) {
        return new DependencyHealthIndicator(clock, properties.health().maxAge()) {
            @Override
            protected Map<String, Object> probe() {
                try (StatefulRedisConnection<String, String> connection = client.connect()) {
                    connection.sync().ping();
                    return Map.of("type", "redis");
                }
            }
        };
    }
}
