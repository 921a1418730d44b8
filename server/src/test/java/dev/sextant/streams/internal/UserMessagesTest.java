package dev.sextant.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.platform.UserId;
import dev.sextant.support.RequiresRedis;
import io.lettuce.core.RedisClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A user's messages (an alert that fired) reach the user's streams on every node, once. */
@RequiresRedis
class UserMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Delivered(UserId user, String type, String members) {}

    private final List<UserMessages> nodes = new CopyOnWriteArrayList<>();
    private RedisClient redis;

    @AfterEach
    void stop() {
        nodes.forEach(UserMessages::close);
        if (redis != null) {
            redis.shutdown();
        }
    }

    private UserMessages node(List<Delivered> delivered, RedisClient client) {
        UserMessages node = new UserMessages(
                (user, type, members) -> delivered.add(new Delivered(user, type, members)), JSON, client);
        nodes.add(node);
        return node;
    }

    @Test
    void test_send_withoutRedis_deliversHere_renderedAsData() {
        List<Delivered> here = new CopyOnWriteArrayList<>();
        UserId user = UserId.random();

        node(here, null).send(user, "alert", Map.of("symbol", "AAPL", "price", 201.5));

        assertThat(here).hasSize(1);
        assertThat(here.getFirst().user()).isEqualTo(user);
        assertThat(here.getFirst().type()).isEqualTo("alert");
        assertThat(JSON.readTree("{" + here.getFirst().members() + "}")
                        .get("data")
                        .get("price")
                        .asDouble())
                .isEqualTo(201.5);
        assertThatThrownBy(() -> node(here, null).send(user, "Alert\"", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_send_withRedis_reachesEveryNodeOnce() throws Exception {
        redis = RedisClient.create(RequiresRedis.URL);
        List<Delivered> first = new CopyOnWriteArrayList<>();
        List<Delivered> second = new CopyOnWriteArrayList<>();
        UserMessages sender = node(first, redis);
        node(second, redis);
        UserId user = UserId.random();

        sender.send(user, "alert", Map.of("alert", "a1", "condition", "PRICE > 1 \"quoted\""));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((first.isEmpty() || second.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // anything more would be a duplicate

        assertThat(first).hasSize(1);
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first.getFirst().user()).isEqualTo(user);
        assertThat(JSON.readTree("{" + first.getFirst().members() + "}")
                        .get("data")
                        .get("condition")
                        .asString())
                .isEqualTo("PRICE > 1 \"quoted\"");
    }
}
