package dev.sextant.mcp.internal;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import dev.sextant.support.HttpTestClient;
import dev.sextant.tools.ToolCatalog;
import dev.sextant.tools.ToolResult;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The MCP benchmark (docs/BENCHMARKS.md; {@code scripts/bench-mcp.sh} runs it): {@code get_quote}
 * on a cached demo symbol over Streamable HTTP with 32 concurrent SDK clients (one session each),
 * p50/p99 and throughput; and the MCP overhead: the same call sequentially over MCP against the
 * same call on the {@link ToolCatalog} face in the server's process, medians. Server and clients
 * share this JVM and the machine's cores, so the figures are a pessimistic bound. Not a test.
 */
public final class McpBench {

    private static final Map<String, Object> ARGS = Map.of("symbol", "AAPL");

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "32"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
        String dataDir = Files.createTempDirectory("sextant-mcp-bench").toString();
        ConfigurableApplicationContext context = SpringApplication.run(
                SextantApplication.class,
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                "--sextant.ratelimit.enabled=false",
                "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            UserId user = context.getBean(AccountAdministration.class)
                    .createAccount("bench", null, "Quiet-Harbor-Lantern-72", Set.of(Role.USER), false);
            HttpTestClient anonymous = new HttpTestClient(port);
            HttpTestClient session = anonymous.withBearer(anonymous
                    .login("bench", "Quiet-Harbor-Lantern-72")
                    .get("accessToken")
                    .asString());
            String key = McpClients.createKey(session, "marketdata:read")[1];
            ToolCatalog catalog = context.getBean(ToolCatalog.class);
            Caller caller = new Caller(user, Role.USER, Set.of(Scope.MARKET_DATA_READ), Caller.Credential.API_KEY);

            // The face directly, then the same call over MCP, one at a time (warm both first).
            for (int i = 0; i < 20_000; i++) {
                face(catalog, caller);
            }
            long[] direct = new long[20_000];
            for (int i = 0; i < direct.length; i++) {
                long start = System.nanoTime();
                face(catalog, caller);
                direct[i] = System.nanoTime() - start;
            }
            long[] overMcp;
            try (McpSyncClient client = McpClients.connect(port, key)) {
                for (int i = 0; i < 3_000; i++) {
                    call(client);
                }
                overMcp = new long[5_000];
                for (int i = 0; i < overMcp.length; i++) {
                    long start = System.nanoTime();
                    call(client);
                    overMcp[i] = System.nanoTime() - start;
                }
            }
            long[] rawHttp = rawCalls(port, key, 3_000, 5_000);
            double faceMedian = percentile(direct, 50);
            double mcpMedian = percentile(overMcp, 50);
            System.out.printf(
                    "sequential: face median %.3f ms, MCP median %.3f ms (p99 %.3f ms): overhead %.3f ms%n",
                    faceMedian, mcpMedian, percentile(overMcp, 99), mcpMedian - faceMedian);

            System.out.printf(
                    "sequential, plain HTTP client (one POST tools/call per call, its SSE answer read whole):"
                            + " median %.3f ms (p99 %.3f ms): overhead %.3f ms%n",
                    percentile(rawHttp, 50), percentile(rawHttp, 99), percentile(rawHttp, 50) - faceMedian);

            // 32 clients at once, each its own session, for the measured window after a warm-up.
            List<McpSyncClient> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sessions.add(McpClients.connect(port, key));
            }
            run(sessions, 5, false);
            long[] all = run(sessions, seconds, true);
            System.out.printf(
                    "%d clients, %d s: %d calls, %.0f calls/s, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                    clients,
                    seconds,
                    all.length,
                    all.length / (double) seconds,
                    percentile(all, 50),
                    percentile(all, 90),
                    percentile(all, 99));
            sessions.forEach(McpSyncClient::close);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static long[] run(List<McpSyncClient> sessions, int seconds, boolean keep) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[sessions.size()];
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (int c = 0; c < sessions.size(); c++) {
            long[] samples = new long[2_000_000];
            perClient.add(samples);
            int index = c;
            McpSyncClient client = sessions.get(c);
            Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        call(client);
                        if (keep && counts[index] < samples.length) {
                            samples[counts[index]++] = System.nanoTime() - start;
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < perClient.size(); c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        return all;
    }

    /** tools/call as bare HTTP requests on one session: the server's share without the SDK client's. */
    private static long[] rawCalls(int port, String key, int warmUp, int measured) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + "/mcp");
        java.util.function.Function<String, java.net.http.HttpRequest.Builder> post =
                body -> java.net.http.HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        java.net.http.HttpResponse<String> init = http.send(
                post.apply(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        java.net.http.HttpRequest call = post.apply(
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                                + "{\"name\":\"get_quote\",\"arguments\":{\"symbol\":\"AAPL\"}}}")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25")
                .build();
        http.send(
                post.apply("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .header("Mcp-Session-Id", session)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        long[] samples = new long[measured];
        for (int i = 0; i < warmUp + measured; i++) {
            long start = System.nanoTime();
            java.net.http.HttpResponse<String> answer =
                    http.send(call, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("structuredContent")) {
                throw new IllegalStateException("get_quote failed over HTTP: " + answer.statusCode());
            }
            if (i >= warmUp) {
                samples[i - warmUp] = System.nanoTime() - start;
            }
        }
        return samples;
    }

    private static void face(ToolCatalog catalog, Caller caller) {
        if (!(catalog.call(caller, "get_quote", ARGS) instanceof ToolResult.Success)) {
            throw new IllegalStateException("get_quote failed on the face");
        }
    }

    private static void call(McpSyncClient client) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_quote", ARGS));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("get_quote failed over MCP: " + result.content());
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
