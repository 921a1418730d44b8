package dev.sextant.streams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client of /ws/stream (the JDK's): collects every message, reassembling partial
 * frames and unpacking {@code batch} frames into their messages, in order.
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    /** How many {@code batch} frames arrived, and how many messages they held. */
    final AtomicInteger batchFrames = new AtomicInteger();

    final AtomicInteger batchedMessages = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** A stream of the user whose access token this is, past its welcome message. */
    static StreamClient welcomed(int port, String token) throws InterruptedException {
        StreamClient client = connect(port, "", Map.of("Authorization", "Bearer " + token));
        client.next("welcome");
        return client;
    }

    static StreamClient connect(int port, String query, Map<String, String> headers) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/stream" + query), client)
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** The next message matching, skipping others (heartbeats); fails after 20 s. */
    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        java.util.List<String> skipped = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(200, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
            if (message != null && skipped.size() < 5) {
                skipped.add(message.toString());
            }
        }
        throw new AssertionError("no such message within 20 s; skipped first: " + skipped);
    }

    JsonNode next(String type) throws InterruptedException {
        return next(m -> type.equals(m.path("type").asString()));
    }

    void abort() {
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame = JSON.readTree(partial.toString());
            partial.setLength(0);
            if (frame.path("type").asString().equals("batch")) {
                batchFrames.incrementAndGet();
                for (JsonNode message : frame.path("messages")) {
                    batchedMessages.incrementAndGet();
                    messages.add(message);
                }
            } else {
                messages.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedWith.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
