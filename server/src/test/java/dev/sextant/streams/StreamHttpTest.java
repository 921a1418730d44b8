package dev.sextant.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The live stream over a real WebSocket, against a server whose market clock runs (from the test
 * suite's Wednesday mid-session), so demo prices move as on a fresh install.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/${random.uuid}",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000",
            "sextant.streams.max-symbols-per-connection=5",
            "sextant.streams.max-connections-per-user=3",
            "sextant.streams.max-messages-per-second=20",
            "sextant.streams.max-message-bytes=2048",
            "sextant.streams.credential-recheck=1s",
            "sextant.streams.heartbeat=5s",
            "sextant.streams.slow-client-limit=3s"
        })
@Import(StreamHttpTest.RunningClock.class)
class StreamHttpTest {

    static final String PASSWORD = "Correct-Horse-7-Battery";

    @TestConfiguration(proxyBeanMethods = false)
    static class RunningClock {
        @Bean
        @Primary
        Clock runningClock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), FixedClockConfiguration.NOW));
        }

        /**
         * A small, fixed socket send buffer (the kernel otherwise grows it to megabytes), so that a
         * client that stops reading blocks the server's writes within seconds, as a slow link does.
         */
        @Bean
        org.springframework.boot.web.server.WebServerFactoryCustomizer<
                        org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory>
                smallSendBuffer() {
            return factory ->
                    factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "8192"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    HttpTestClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new HttpTestClient(port);
    }

    private String tokenOfNewUser() {
        String name = "streamer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(name, null, PASSWORD, Set.of(Role.USER), false);
        return anonymous.login(name, PASSWORD).get("accessToken").asString();
    }

    private StreamClient connect(String token) throws InterruptedException {
        return StreamClient.welcomed(port, token);
    }

    private JsonNode apiKey(String token, String scope) {
        HttpTestClient.Answer created = anonymous
                .withBearer(token)
                .postJson("/api/v1/me/api-keys", "{\"name\":\"stream\",\"scopes\":[\"" + scope + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    @Test
    void test_subscribe_snapshotThenNumberedUpdatesOfMovingDemoPrices() throws Exception {
        try (StreamClient client = connect(tokenOfNewUser())) {
            client.send("{\"type\":\"subscribe\",\"symbols\":[\"btc-usd\",\"AAPL\"],\"intervalMs\":200}");
            Set<String> snapshots = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                JsonNode snapshot = client.next("snapshot");
                assertThat(snapshot.path("channel").asString()).isEqualTo("quote");
                assertThat(snapshot.path("data").path("demo").asBoolean()).isTrue();
                assertThat(snapshot.path("data").path("provider").asString()).isEqualTo("demo");
                snapshots.add(snapshot.path("symbol").asString());
            }
            assertThat(snapshots).containsExactlyInAnyOrder("BTC-USD", "AAPL");

            Set<Double> prices = new HashSet<>();
            long lastSeq = 2;
            List<Instant> times = new ArrayList<>();
            while (prices.size() < 4) {
                JsonNode update = client.next(m -> m.path("type").asString().equals("update")
                        && m.path("symbol").asString().equals("BTC-USD"));
                assertThat(update.path("seq").asLong()).isGreaterThan(lastSeq);
                lastSeq = update.path("seq").asLong();
                assertThat(update.path("data").path("demo").asBoolean()).isTrue();
                prices.add(update.path("data").path("price").asDouble());
                times.add(Instant.parse(update.path("data").path("time").asString()));
            }
            assertThat(times).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void test_invalidMessages_getTheirErrorCode_andTheConnectionStaysOpen() throws Exception {
        try (StreamClient client = connect(tokenOfNewUser())) {
            Map<String, String> cases = new java.util.LinkedHashMap<>();
            cases.put("not json", "invalid-json");
            cases.put("[1,2]", "invalid-message");
            cases.put("{\"type\":\"dance\"}", "invalid-message");
            cases.put("{\"type\":\"subscribe\"}", "invalid-message");
            cases.put("{\"type\":\"subscribe\",\"symbols\":[\"NOPE-XYZ\"]}", "unknown-symbol");
            cases.put("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"],\"channels\":[\"trades\"]}", "invalid-channel");
            cases.put(
                    "{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"],\"channels\":[{\"type\":\"bar\",\"interval\":\"7m\"}]}",
                    "invalid-channel");
            cases.put("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"],\"intervalMs\":50}", "invalid-interval");
            cases.put(
                    "{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"],\"channels\":[{\"type\":\"indicator\",\"name\":\"nope\"}]}",
                    "invalid-indicator");
            cases.put(
                    "{\"type\":\"subscribe\",\"symbols\":[\"AAPL\"],\"channels\":[{\"type\":\"indicator\",\"name\":\"rsi\",\"params\":{\"period\":0}}]}",
                    "invalid-indicator");
            cases.put(
                    "{\"type\":\"subscribe\",\"symbols\":[\"AAPL\",\"MSFT\",\"NVDA\",\"AMZN\",\"TSLA\",\"META\"]}",
                    "too-many-symbols");
            cases.put("{\"type\":\"resume\",\"stream\":\"nope\",\"lastSeq\":3}", "resume-unavailable");
            cases.put("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(3000) + "\"}", "message-too-large");
            for (var entry : cases.entrySet()) {
                client.send(entry.getKey());
                JsonNode error = client.next("error");
                assertThat(error.path("code").asString()).as(entry.getKey()).isEqualTo(entry.getValue());
                assertThat(error.path("message").asString()).isNotBlank();
                Thread.sleep(60); // within the message budget
            }
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next("pong")).isNotNull();
            assertThat(client.closedWith).isNotDone();
        }
    }

    @Test
    void test_symbolLimit_countsDistinctSymbolsAcrossSubscriptions() throws Exception {
        try (StreamClient client = connect(tokenOfNewUser())) {
            client.send("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\",\"MSFT\",\"NVDA\"]}");
            client.send("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\",\"TSLA\",\"META\",\"AMZN\"]}");
            assertThat(client.next("error").path("code").asString()).isEqualTo("too-many-symbols");
            client.send("{\"type\":\"subscribe\",\"symbols\":[\"AAPL\",\"TSLA\"]}");
            assertThat(client.next(m -> m.path("type").asString().equals("snapshot")
                            && m.path("symbol").asString().equals("TSLA")))
                    .isNotNull();
        }
    }

    @Test
    void test_messageRate_beyondTheBudget_isRefusedWithItsCode() throws Exception {
        try (StreamClient client = connect(tokenOfNewUser())) {
            for (int i = 0; i < 40; i++) {
                client.send("{\"type\":\"ping\"}");
            }
            assertThat(client.next("error").path("code").asString()).isEqualTo("rate-limited");
            assertThat(client.closedWith).isNotDone();
        }
    }

    @Test
    void test_connectionsPerUser_beyondTheLimit_refusedWith429() throws Exception {
        String token = tokenOfNewUser();
        List<StreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(connect(token));
            }
            assertThatThrownBy(() -> connect(token))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e)
                                    .getResponse()
                                    .statusCode())
                            .isEqualTo(429));
        } finally {
            open.forEach(StreamClient::close);
        }
    }

    @Test
    void test_handshake_withoutOrWithAForgedCredential_isRefused() {
        for (Map<String, String> headers : List.of(
                Map.<String, String>of(),
                Map.of("Authorization", "Bearer forged.token.value"),
                Map.of("X-API-Key", "sx_live_forged"))) {
            assertThatThrownBy(() -> StreamClient.connect(port, "", headers))
                    .as(headers.toString())
                    .cause()
                    .isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e)
                                    .getResponse()
                                    .statusCode())
                            .isEqualTo(401));
        }
        assertThatThrownBy(() -> StreamClient.connect(port, "?ticket=sx_ticket_forged", Map.of()))
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void test_apiKeyWithoutMarketDataRead_isForbidden() {
        String key = apiKey(tokenOfNewUser(), "analysis").path("key").asString();
        assertThatThrownBy(() -> StreamClient.connect(port, "", Map.of("X-API-Key", key)))
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(
                                ((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void test_ticket_opensOneStream_once() throws Exception {
        HttpTestClient user = anonymous.withBearer(tokenOfNewUser());
        HttpTestClient.Answer issued = user.send(user.request("/api/v1/stream/tickets")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(issued.status()).isEqualTo(201);
        String ticket = issued.json().path("ticket").asString();
        try (StreamClient client = StreamClient.connect(port, "?ticket=" + ticket, Map.of())) {
            assertThat(client.next("welcome").path("stream").asString()).isNotBlank();
        }
        assertThatThrownBy(() -> StreamClient.connect(port, "?ticket=" + ticket, Map.of()))
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(
                                ((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }

    @Test
    void test_revokedApiKey_endsItsStream() throws Exception {
        String token = tokenOfNewUser();
        JsonNode key = apiKey(token, "marketdata:read");
        StreamClient client = StreamClient.connect(
                port, "", Map.of("Authorization", "Bearer " + key.path("key").asString()));
        client.next("welcome");
        HttpTestClient owner = anonymous.withBearer(token);
        HttpTestClient.Answer revoked =
                owner.send(owner.request("/api/v1/me/api-keys/" + key.path("id").asString())
                        .DELETE()
                        .build());
        assertThat(revoked.status()).isBetween(200, 204);
        assertThat(client.closedWith.get(20, TimeUnit.SECONDS)).isEqualTo(4001);
    }

    @Test
    void test_signOutEverywhere_endsTheAccessTokensStream() throws Exception {
        String token = tokenOfNewUser();
        StreamClient client = connect(token);
        HttpTestClient user = anonymous.withBearer(token);
        HttpTestClient.Answer out = user.send(user.request("/api/v1/auth/logout-all")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(out.status()).isBetween(200, 204);
        assertThat(client.closedWith.get(20, TimeUnit.SECONDS)).isEqualTo(4001);
    }

    private static boolean numbered(JsonNode message) {
        String type = message.path("type").asString();
        return type.equals("snapshot") || type.equals("update");
    }

    @Test
    void test_resume_afterADroppedConnection_continuesWithoutGapsOrDuplicates() throws Exception {
        String token = tokenOfNewUser();
        StreamClient first = StreamClient.connect(port, "", Map.of("Authorization", "Bearer " + token));
        String stream = first.next("welcome").path("stream").asString();
        first.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\",\"ETH-USD\"],\"intervalMs\":100}");
        long seen = 0;
        while (seen < 8) {
            JsonNode numbered = first.next(StreamHttpTest::numbered);
            assertThat(numbered.path("seq").asLong()).isEqualTo(seen + 1);
            seen = numbered.path("seq").asLong();
        }
        first.abort();
        // The client only processed up to 5: everything after it must come again, in order, once.
        long lastSeq = 5;
        Thread.sleep(500);
        try (StreamClient second = StreamClient.connect(port, "", Map.of("Authorization", "Bearer " + token))) {
            second.next("welcome");
            second.send("{\"type\":\"resume\",\"stream\":\"" + stream + "\",\"lastSeq\":" + lastSeq + "}");
            long expected = lastSeq + 1;
            while (expected < 25) {
                JsonNode numbered = second.next(StreamHttpTest::numbered);
                assertThat(numbered.path("seq").asLong())
                        .as("no gap, no duplicate")
                        .isEqualTo(expected);
                expected++;
            }
            assertThat(second.messages.stream()
                            .noneMatch(m -> m.path("type").asString().equals("error")))
                    .isTrue();
            // The replay (6 to 8 at least, ready at once) came as batch frames, several messages each.
            assertThat(second.batchFrames.get()).isPositive();
            assertThat(second.batchedMessages.get()).isGreaterThan(second.batchFrames.get());
        }
    }

    @Test
    void test_clientThatStopsReading_getsConflatedUpdates_thenIsClosedAsTooSlow() throws Exception {
        List<String> symbols = List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD");
        double slowBefore = meters.counter("sextant.stream.closed", "reason", "slow-consumer")
                .count();
        try (RawStreamSocket client = new RawStreamSocket(port, tokenOfNewUser())) {
            client.sendText("{\"type\":\"subscribe\",\"symbols\":[\"" + String.join("\",\"", symbols)
                    + "\"],\"intervalMs\":100,\"pad\":\"" + "x".repeat(200) + "\"}");
            long stalled = System.nanoTime();
            Thread.sleep(10_000); // reads nothing: 5 symbols at 100 ms make about 500 updates meanwhile
            double stalledSeconds = (System.nanoTime() - stalled) / 1e9;
            int updates = 0;
            Integer closeCode = null;
            try {
                RawStreamSocket.Frame frame;
                do {
                    frame = client.read();
                    if (frame.opcode() == 1) {
                        // A batch frame holds several updates: count each.
                        updates += frame.text().split("\"type\":\"update\"", -1).length - 1;
                    }
                } while (frame.opcode() != 8);
                closeCode = frame.closeCode();
            } catch (java.io.IOException ended) {
                // The close frame itself could not be written behind the blocked message: the server
                // dropped the connection instead, which is what a client on a dead link sees.
                closeCode = -1;
            }
            assertThat(closeCode)
                    .as("closed as too slow (4008, or dropped when even that cannot be written)")
                    .isIn(4008, -1);
            assertThat(meters.counter("sextant.stream.closed", "reason", "slow-consumer")
                            .count())
                    .as("the server closed it as a slow consumer")
                    .isEqualTo(slowBefore + 1);
            // What the stalled client gets is what fitted in the socket's buffers, not a backlog of every tick.
            assertThat(updates).isLessThan((int) (stalledSeconds * 10 * symbols.size() / 2));
        }
    }

    @Test
    void test_indicatorAndBarChannels_snapshotFromTheRegistry() throws Exception {
        try (StreamClient client = connect(tokenOfNewUser())) {
            client.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\"],\"channels\":["
                    + "{\"type\":\"indicator\",\"name\":\"rsi\",\"params\":{\"period\":14},\"interval\":\"1m\"},"
                    + "{\"type\":\"bar\",\"interval\":\"5m\"}]}");
            JsonNode indicator = client.next(m -> m.path("type").asString().equals("snapshot")
                    && m.path("channel").asString().startsWith("indicator:"));
            assertThat(indicator.path("channel").asString()).isEqualTo("indicator:RSI:1m:period=14");
            assertThat(indicator.path("data").path("values").path("value").asDouble())
                    .isBetween(0.0, 100.0);
            assertThat(indicator.path("data").path("demo").asBoolean()).isTrue();
            JsonNode bar = client.next(m -> m.path("type").asString().equals("snapshot")
                    && m.path("channel").asString().equals("bar:5m"));
            double high = bar.path("data").path("high").asDouble();
            assertThat(bar.path("data").path("low").asDouble()).isLessThanOrEqualTo(high);
            assertThat(Instant.parse(bar.path("data").path("time").asString()).getEpochSecond() % 300)
                    .isZero();
        }
    }
}
