package dev.sextant.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * TRACK alerts on the live demo feed, delivered over a real WebSocket: the market clock runs (from
 * the suite's Wednesday mid-session), alerts are evaluated every 100 ms and may fire once an hour.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/${random.uuid}",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000",
            "sextant.alerts.evaluation-interval=100ms",
            "sextant.alerts.cooldown=1h",
            "sextant.alerts.reload-interval=300ms"
        })
@Import(AlertStreamHttpTest.RunningClock.class)
class AlertStreamHttpTest {

    static final String PASSWORD = "Correct-Horse-7-Battery";

    @TestConfiguration(proxyBeanMethods = false)
    static class RunningClock {
        @Bean
        @Primary
        Clock runningClock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), FixedClockConfiguration.NOW));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    HttpTestClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new HttpTestClient(port);
    }

    private String tokenOfNewUser() {
        String name = "alerted-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(name, null, PASSWORD, Set.of(Role.USER), false);
        return anonymous.login(name, PASSWORD).get("accessToken").asString();
    }

    private StreamClient connect(String token) throws InterruptedException {
        return StreamClient.welcomed(port, token);
    }

    private static JsonNode track(HttpTestClient user, String statement) {
        HttpTestClient.Answer created = user.postJson("/api/v1/alerts", "{\"query\":\"" + statement + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static boolean alertOf(JsonNode message, String id) {
        return message.path("type").asString().equals("alert")
                && message.path("data").path("alert").asString().equals(id);
    }

    /** No {@code alert} message of {@code id} among what arrives in the next {@code wait}. */
    private static void noAlert(StreamClient client, String id, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = client.messages.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(message == null || !alertOf(message, id))
                    .as("no alert message of %s, got %s", id, message)
                    .isTrue();
        }
    }

    @Test
    void test_aConditionMetOnTheDemoFeed_firesOnce_onEveryStreamOfItsOwnerOnly() throws Exception {
        String token = tokenOfNewUser();
        HttpTestClient user = anonymous.withBearer(token);
        try (StreamClient owners = connect(token);
                StreamClient ownersSecond = connect(token);
                StreamClient strangers = connect(tokenOfNewUser())) {
            owners.send("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"]}");
            String id = track(user, "TRACK BTC-USD WHEN PRICE > 0 AND RSI(14) BETWEEN 0 AND 100")
                    .get("id")
                    .asString();

            JsonNode alert = owners.next(m -> alertOf(m, id));
            JsonNode second = ownersSecond.next(m -> alertOf(m, id));
            JsonNode firings =
                    user.get("/api/v1/alerts/" + id + "/firings").json().get("firings");

            assertThat(alert.path("seq").asLong())
                    .as("numbered like updates, for resume")
                    .isPositive();
            JsonNode data = alert.get("data");
            assertThat(data.get("symbol").asString()).isEqualTo("BTC-USD");
            assertThat(data.get("condition").asString()).isEqualTo("PRICE > 0 AND RSI(14) BETWEEN 0 AND 100");
            assertThat(data.get("demo").asBoolean()).isTrue();
            assertThat(data.get("provider").asString()).isEqualTo("demo");
            assertThat(data.get("price").asDouble()).isPositive();
            assertThat(data.get("values").get("PRICE").asDouble())
                    .isEqualTo(data.get("price").asDouble());
            assertThat(data.get("values").get("RSI(14)").asDouble()).isBetween(0.0, 100.0);
            assertThat(second.get("data")).isEqualTo(data);
            assertThat(meters.get("sextant.alerts.fired").counter().count()).isPositive();
            assertThat(meters.get("sextant.alerts.watched").gauge().value()).isPositive();
            assertThat(firings).hasSize(1);
            assertThat(firings.get(0).get("price").asDouble())
                    .isEqualTo(data.get("price").asDouble());
            assertThat(firings.get(0).get("firedAt").asString())
                    .isEqualTo(data.get("firedAt").asString());
            assertThat(firings.get(0).get("demo").asBoolean()).isTrue();

            // Edge-triggered: the condition stays true on every tick, and it does not fire again.
            noAlert(owners, id, Duration.ofSeconds(6));
            JsonNode after = user.get("/api/v1/alerts/" + id).json();
            assertThat(Instant.parse(after.get("lastEvaluatedAt").asString()))
                    .as("still evaluated after it fired")
                    .isAfter(Instant.parse(data.get("firedAt").asString()));
            assertThat(after.get("lastFiredAt").asString())
                    .isEqualTo(data.get("firedAt").asString());

            // Re-armed by a resume, true again at once: inside the cooldown, so it does not fire.
            user.postJson("/api/v1/alerts/" + id + "/pause", "");
            user.postJson("/api/v1/alerts/" + id + "/resume", "");
            noAlert(owners, id, Duration.ofSeconds(2));
            assertThat(user.get("/api/v1/alerts/" + id + "/firings").json().get("firings"))
                    .hasSize(1);
            noAlert(strangers, id, Duration.ofMillis(200));
        }
    }

    @Test
    void test_aPausedAlert_doesNotFire_untilResumed() throws Exception {
        String token = tokenOfNewUser();
        HttpTestClient user = anonymous.withBearer(token);
        UUID owner = UUID.fromString(user.get("/api/v1/me").json().get("id").asString());
        UUID id = UUID.randomUUID();
        // Stored paused, as another node would: no request of this node ever saw it active.
        jdbc.sql(
                        "INSERT INTO alert (id, owner_id, symbol, statement_text, condition_text, state, created_at) "
                                + "VALUES (:id, :owner, 'ETH-USD', 'TRACK ETH-USD WHEN PRICE > 0', 'PRICE > 0', 'paused', :now)")
                .param("id", id)
                .param("owner", owner)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        try (StreamClient stream = connect(token)) {
            String witness =
                    track(user, "TRACK ETH-USD WHEN PRICE > 0").get("id").asString();
            stream.next(m -> alertOf(m, witness));

            noAlert(stream, id.toString(), Duration.ofSeconds(2));
            assertThat(user.get("/api/v1/alerts/" + id + "/firings").json().get("firings"))
                    .isEmpty();

            assertThat(user.postJson("/api/v1/alerts/" + id + "/resume", "")
                            .json()
                            .get("state")
                            .asString())
                    .isEqualTo("active");
            JsonNode fired = stream.next(m -> alertOf(m, id.toString()));
            assertThat(fired.get("data").get("symbol").asString()).isEqualTo("ETH-USD");
        }
    }
}
