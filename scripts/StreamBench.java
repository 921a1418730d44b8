/*
 * Load driver for /ws/stream (issue 13): many WebSocket clients on loopback, each subscribed to some
 * symbols at an interval, measuring delivery latency (the client's receipt minus the quote's
 * fetchedAt, the moment the server's feed obtained it; both clocks are this machine's).
 * Run by scripts/bench-stream.sh; standalone:
 *   java scripts/StreamBench.java --port 18130 --token <access token> --stages 2000 --symbols 10 \
 *        --interval 1000 --seconds 30
 * Stages add clients up to each count in turn (e.g. 2000,3000,4000) and report each stage's figures.
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

public class StreamBench {

    static final List<String> SYMBOLS = List.of(
            "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "NFLX", "AMD", "INTC", "COST", "PEP", "JPM",
            "BAC", "V", "JNJ", "UNH", "XOM", "CVX", "WMT", "PG", "KO", "DIS", "HD", "ORCL", "SPY", "QQQ", "IWM",
            "DIA", "GLD", "TLT", "^GSPC", "^NDX", "VIX", "BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD");

    /** Latency histogram in 1 ms buckets up to 60 s. */
    static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(60_001);
        final AtomicLong total = new AtomicLong();

        void add(long ms) {
            counts.incrementAndGet((int) Math.max(0, Math.min(ms, 60_000)));
            total.incrementAndGet();
        }

        long percentile(double p) {
            long wanted = (long) Math.ceil(total.get() * p);
            long seen = 0;
            for (int i = 0; i < counts.length(); i++) {
                seen += counts.get(i);
                if (seen >= wanted && wanted > 0) {
                    return i;
                }
            }
            return -1;
        }

        void reset() {
            for (int i = 0; i < counts.length(); i++) {
                counts.set(i, 0);
            }
            total.set(0);
        }
    }

    static volatile Histogram histogram = new Histogram();
    static final AtomicLong errors = new AtomicLong();
    /** Frames carrying updates (one update each, or a batch of several). */
    static final AtomicLong frames = new AtomicLong();
    static final AtomicLong closed = new AtomicLong();
    static final AtomicLong failedHandshakes = new AtomicLong();

    static final class Client implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Void> welcomed = new CompletableFuture<>();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                String text = partial.toString();
                partial.setLength(0);
                if (text.startsWith("{\"type\":\"update\"") || text.startsWith("{\"type\":\"batch\"")) {
                    // Every update of the frame (a batch holds several, snapshots among them are not counted).
                    for (int from = text.indexOf("{\"type\":\"update\""); from >= 0;
                            from = text.indexOf("{\"type\":\"update\"", from + 1)) {
                        int at = text.indexOf("\"fetchedAt\":\"", from);
                        if (at > 0) {
                            int end = text.indexOf('"', at + 13);
                            histogram.add(now - Instant.parse(text.substring(at + 13, end)).toEpochMilli());
                        }
                    }
                    frames.incrementAndGet();
                } else if (text.startsWith("{\"type\":\"welcome\"")) {
                    welcomed.complete(null);
                } else if (text.startsWith("{\"type\":\"error\"")) {
                    errors.incrementAndGet();
                    System.err.println(text);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 18130;
        String token = null;
        List<Integer> stages = List.of(2000);
        int symbols = 10;
        int interval = 1000;
        int seconds = 30;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--token" -> token = args[i + 1];
                case "--stages" -> stages = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                case "--symbols" -> symbols = Integer.parseInt(args[i + 1]);
                case "--interval" -> interval = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (token == null) {
            throw new IllegalArgumentException("--token is required");
        }
        Random random = new Random(42);
        List<HttpClient> pool = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(HttpClient.newHttpClient());
        }
        List<WebSocket> sockets = new ArrayList<>();
        System.out.printf("%-8s %-8s %-8s %-8s %-8s %-10s %-9s %-7s %-7s%n", "clients", "p50 ms", "p99 ms", "p999 ms",
                "max ms", "updates/s", "frames/s", "errors", "closed");
        for (int stage : stages) {
            while (sockets.size() < stage) {
                int batch = Math.min(100, stage - sockets.size());
                List<CompletableFuture<Void>> ready = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    Client client = new Client();
                    WebSocket ws = null;
                    for (int attempt = 1; ws == null; attempt++) {
                        try {
                            ws = pool.get(sockets.size() % pool.size())
                                    .newWebSocketBuilder()
                                    .header("Authorization", "Bearer " + token)
                                    .connectTimeout(Duration.ofSeconds(60))
                                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/stream"), client)
                                    .get(120, TimeUnit.SECONDS);
                        } catch (java.util.concurrent.ExecutionException e) {
                            failedHandshakes.incrementAndGet();
                            if (attempt == 3) {
                                throw e;
                            }
                        }
                    }
                    List<String> mine = new ArrayList<>(SYMBOLS);
                    java.util.Collections.shuffle(mine, random);
                    String list = String.join("\",\"", mine.subList(0, Math.min(symbols, mine.size())));
                    ws.sendText("{\"type\":\"subscribe\",\"symbols\":[\"" + list + "\"],\"intervalMs\":" + interval + "}", true);
                    sockets.add(ws);
                    ready.add(client.welcomed);
                }
                CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                if (sockets.size() % 500 == 0) {
                    System.err.println("  connected " + sockets.size() + " (handshakes retried: " + failedHandshakes.get() + ")");
                }
            }
            Thread.sleep(5_000); // settle: snapshots, the feeds' first polls
            histogram = new Histogram();
            frames.set(0);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Histogram h = histogram;
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-8d %-8d %-8d %-8d %-8d %-10.0f %-9.0f %-7d %-7d%n", stage, h.percentile(0.50),
                    h.percentile(0.99), h.percentile(0.999), h.percentile(1.0), h.total.get() / elapsed,
                    frames.get() / elapsed, errors.get(), closed.get());
        }
        for (WebSocket ws : sockets) {
            ws.abort();
        }
        System.exit(0);
    }
}
