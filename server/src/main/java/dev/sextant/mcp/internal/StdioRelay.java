package dev.sextant.mcp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP's stdio transport relayed to a Streamable HTTP endpoint: one JSON-RPC message a line on
 * standard input becomes a POST (with the API key, the session id and the negotiated protocol
 * version), whatever the endpoint answers (JSON or an event stream) becomes lines on standard
 * output, and a GET stream carries the server's own notifications (tool list changes, quote
 * updates). A refusal of the HTTP edge (401, 429, ...) becomes a JSON-RPC error for the request, so
 * the assistant shows a message instead of hanging. End of input ends the session.
 */
public final class StdioRelay {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SESSION = "Mcp-Session-Id";

    private final URI endpoint;
    private final String apiKey;
    private final InputStream in;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable String session;
    private volatile @Nullable String protocolVersion;
    private volatile boolean running = true;

    public StdioRelay(URI endpoint, String apiKey, InputStream in, PrintStream out) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.in = in;
        this.out = out;
    }

    /** Relays until standard input ends; answers the process exit code. */
    public int run() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode message;
                try {
                    message = JSON.readTree(line);
                } catch (JacksonException notJson) {
                    emit(error(null, -32700, "Not a JSON-RPC message."));
                    continue;
                }
                String body = line;
                if ("initialize".equals(message.path("method").asString(""))) {
                    // The session starts here: later messages need its id, so this one runs first.
                    send(message, body);
                    startListening();
                } else {
                    workers.execute(() -> send(message, body));
                }
            }
        } catch (IOException e) {
            System.err.println("sextant mcp: standard input failed: " + e.getMessage());
        } finally {
            running = false;
            workers.shutdown();
            awaitWorkers();
            endSession();
        }
        return 0;
    }

    private void send(JsonNode message, String body) {
        JsonNode id = message.get("id");
        try {
            HttpResponse<Stream<String>> response = http.send(post(body), HttpResponse.BodyHandlers.ofLines());
            String sessionId = response.headers().firstValue(SESSION).orElse(null);
            if (sessionId != null && session == null) {
                session = sessionId;
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 400) {
                refused(id, status, response, String.join("\n", (Iterable<String>) response.body()::iterator));
                return;
            }
            if (type.startsWith("text/event-stream")) {
                events(response.body().iterator());
            } else {
                String text = String.join("", (Iterable<String>) response.body()::iterator)
                        .strip();
                if (!text.isEmpty()) {
                    JsonNode answer = JSON.readTree(text);
                    remember(answer);
                    emit(answer);
                }
            }
        } catch (IOException | JacksonException e) {
            if (id != null) {
                emit(error(id, -32603, "Sextant at " + endpoint + " did not answer: " + e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Server-sent events: each event's data is one JSON-RPC message. */
    private void events(Iterator<String> lines) {
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    JsonNode message = JSON.readTree(data.toString());
                    remember(message);
                    emit(message);
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).stripLeading());
            }
        }
        if (!data.isEmpty()) {
            emit(JSON.readTree(data.toString()));
        }
    }

    private void remember(JsonNode message) {
        JsonNode version = message.path("result").path("protocolVersion");
        if (version.isString()) {
            protocolVersion = version.asString();
        }
    }

    private void refused(@Nullable JsonNode id, int status, HttpResponse<?> response, String body) {
        if (id == null) {
            System.err.println("sextant mcp: a notification was refused with HTTP " + status);
            return;
        }
        String message = switch (status) {
            case 401 ->
                "Sextant refused the API key: it is invalid, expired or revoked. Set SEXTANT_API_KEY to a live key.";
            case 403 -> "Sextant refused this request for the API key's account (HTTP 403).";
            case 429 ->
                "Sextant's request budget for this account is used up; try again in "
                        + response.headers().firstValue("Retry-After").orElse("a few") + " seconds.";
            default -> rpcMessage(body).orElse("Sextant refused the request (HTTP " + status + ").");
        };
        emit(error(id, status == 429 ? -32000 : -32600, message));
    }

    private static java.util.Optional<String> rpcMessage(String body) {
        try {
            JsonNode parsed = JSON.readTree(body);
            String text = parsed.path("error").path("message").asString("");
            return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
        } catch (JacksonException notJson) {
            return java.util.Optional.empty();
        }
    }

    /** The session's GET stream: notifications the server sends unasked. Reconnects while we run. */
    private void startListening() {
        if (session == null) {
            return;
        }
        Thread.ofVirtual().name("mcp-listen").start(() -> {
            long backoff = 500;
            while (running && session != null) {
                try {
                    HttpResponse<Stream<String>> response = http.send(
                            authorized(HttpRequest.newBuilder(endpoint))
                                    .header("Accept", "text/event-stream")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
                    if (response.statusCode() >= 400) {
                        return; // the server offers no listening stream, or the session is gone
                    }
                    backoff = 500;
                    events(response.body().iterator());
                } catch (IOException | JacksonException e) {
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 10_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void endSession() {
        String id = session;
        if (id == null) {
            return;
        }
        try {
            http.send(
                    authorized(HttpRequest.newBuilder(endpoint)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the server is gone already: so is the session
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest post(String body) {
        return authorized(HttpRequest.newBuilder(endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        builder.header("Authorization", "Bearer " + apiKey).timeout(Duration.ofMinutes(5));
        String id = session;
        if (id != null) {
            builder.header(SESSION, id);
        }
        String version = protocolVersion;
        if (version != null) {
            builder.header("MCP-Protocol-Version", version);
        }
        return builder;
    }

    private synchronized void emit(Object message) {
        out.println(JSON.writeValueAsString(message));
        out.flush();
    }

    private static Map<String, Object> error(@Nullable JsonNode id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", id);
        answer.put("error", error);
        return answer;
    }

    private void awaitWorkers() {
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
