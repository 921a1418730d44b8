package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.HttpTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real server as a child process on the embedded database, killed with SIGKILL at random
 * moments while a client makes writes of every kind a user makes (watchlists created, renamed and
 * deleted; secrets stored and deleted; API keys created and revoked), then started again on the
 * same data directory: every write the server acknowledged is there, every acknowledged delete is
 * gone. Only the one request in flight at the kill may go either way.
 */
class CrashRecoveryTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final int ROUNDS = 3;

    private final Path dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID());
    private final Random random = new Random(7);

    /** What the server acknowledged: watchlist id to name, secret ids, API key ids. */
    private final Map<String, String> watchlists = new HashMap<>();

    private final Set<String> secrets = new HashSet<>();
    private final Set<String> apiKeys = new HashSet<>();
    /** Ids the server acknowledged deleting. */
    private final Set<String> deleted = new HashSet<>();
    /** Ids whose last request was in flight at a kill: their fate is open. */
    private final Set<String> uncertain = new HashSet<>();

    @Test
    void test_killedAtRandomMoments_losesNoAcknowledgedWrite() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Server server = Server.start(dataDir);
            try {
                HttpTestClient http = signIn(server, round == 0);
                AtomicBoolean killed = new AtomicBoolean();
                AtomicInteger answered = new AtomicInteger();
                Thread writer = Thread.ofVirtual().start(() -> write(http, killed, answered));
                // A few answers first, so a slow machine still kills mid-stream rather than before it.
                long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (answered.get() < 3 && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
                Thread.sleep(400 + random.nextInt(1200));
                killed.set(true);
                server.kill();
                writer.join(Duration.ofSeconds(30));
            } finally {
                server.kill();
            }
        }
        Server server = Server.start(dataDir);
        try {
            HttpTestClient http = signIn(server, false);
            assertThat(watchlists.size() + secrets.size() + apiKeys.size())
                    .as("acknowledged writes to check")
                    .isGreaterThan(10);

            Map<String, String> storedWatchlists = new HashMap<>();
            http.get("/api/v1/me/watchlists")
                    .json()
                    .get("watchlists")
                    .forEach(w -> storedWatchlists.put(
                            w.get("id").asString(), w.get("name").asString()));
            Set<String> storedSecrets =
                    ids(http.get("/api/v1/me/secrets").json().get("secrets"));
            Set<String> storedKeys = new HashSet<>();
            http.get("/api/v1/me/api-keys").json().get("apiKeys").forEach(key -> {
                if (key.get("revokedAt") == null || key.get("revokedAt").isNull()) {
                    storedKeys.add(key.get("id").asString());
                }
            });
            uncertain.forEach(id -> {
                storedWatchlists.remove(id);
                watchlists.remove(id);
            });
            storedSecrets.removeAll(uncertain);
            secrets.removeAll(uncertain);
            storedKeys.removeAll(uncertain);
            apiKeys.removeAll(uncertain);

            // Every acknowledged create and update is there, every acknowledged delete is gone.
            assertThat(storedWatchlists).containsAllEntriesOf(watchlists);
            assertThat(storedSecrets).containsAll(secrets);
            assertThat(storedKeys).containsAll(apiKeys);
            Set<String> stored = new HashSet<>(storedWatchlists.keySet());
            stored.addAll(storedSecrets);
            stored.addAll(storedKeys);
            assertThat(stored).doesNotContainAnyElementsOf(deleted);
            // Beyond those, only a create in flight at a kill (one per round) may have landed.
            stored.removeAll(watchlists.keySet());
            stored.removeAll(secrets);
            stored.removeAll(apiKeys);
            assertThat(stored).as("unacknowledged creates that landed").hasSizeLessThanOrEqualTo(ROUNDS);
        } finally {
            server.kill();
        }

        // The audit log proves its own completeness: intact after the crashes, and a lost tail is noticed.
        assertThat(auditVerify()).as("audit verify after the crashes").isZero();
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sextant")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "sa",
                "")) {
            db.createStatement()
                    .executeUpdate("DELETE FROM audit_event WHERE seq > (SELECT MAX(seq) - 3 FROM audit_event)");
        }
        assertThat(auditVerify())
                .as("audit verify after its last events were deleted")
                .isEqualTo(1);
    }

    /** The {@code audit verify} command on the stopped server's data directory: its exit code. */
    private int auditVerify() throws IOException, InterruptedException {
        Process verify = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.sextant.SextantApplication",
                        "--spring.main.web-application-type=none",
                        "--sextant.command=audit-verify",
                        "--sextant.data-dir=" + dataDir.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return verify.waitFor();
    }

    /** Writes until the server dies under it, recording only what was acknowledged. */
    private void write(HttpTestClient http, AtomicBoolean killed, AtomicInteger answered) {
        int i = 0;
        while (!killed.get()) {
            if (i > 0) {
                answered.incrementAndGet();
            }
            String target = null;
            try {
                int kind = i++ % 6;
                switch (kind) {
                    case 0, 1 -> {
                        HttpTestClient.Answer created = http.postJson(
                                "/api/v1/me/watchlists",
                                "{\"name\":\"list " + UUID.randomUUID() + "\",\"symbols\":[\"AAPL\",\"MSFT\"]}");
                        if (created.status() == 201) {
                            watchlists.put(
                                    created.json().get("id").asString(),
                                    created.json().get("name").asString());
                        }
                    }
                    case 2 -> {
                        target = any(watchlists.keySet());
                        if (target != null) {
                            String name = "renamed " + UUID.randomUUID();
                            int status = http.send(http.request("/api/v1/me/watchlists/" + target)
                                            .header("Content-Type", "application/json")
                                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                                    "{\"name\":\"" + name + "\",\"symbols\":[\"SPY\"]}"))
                                            .build())
                                    .status();
                            if (status == 200) {
                                watchlists.put(target, name);
                            }
                        }
                    }
                    case 3 -> {
                        target = any(watchlists.keySet());
                        if (target != null && delete(http, "/api/v1/me/watchlists/" + target)) {
                            watchlists.remove(target);
                            deleted.add(target);
                        }
                    }
                    case 4 -> {
                        HttpTestClient.Answer stored = http.postJson(
                                "/api/v1/me/secrets",
                                "{\"purpose\":\"llm:openai\",\"name\":\"k" + i + "\",\"value\":\"sk-test-"
                                        + UUID.randomUUID() + "\"}");
                        if (stored.status() == 201) {
                            secrets.add(stored.json().get("id").asString());
                        }
                        target = i % 4 == 0 ? any(secrets) : null;
                        if (target != null && delete(http, "/api/v1/me/secrets/" + target)) {
                            secrets.remove(target);
                            deleted.add(target);
                        }
                    }
                    default -> {
                        HttpTestClient.Answer created = http.postJson(
                                "/api/v1/me/api-keys", "{\"name\":\"key " + i + "\",\"scopes\":[\"marketdata:read\"]}");
                        if (created.status() == 201) {
                            apiKeys.add(created.json().get("id").asString());
                        }
                        target = i % 3 == 0 ? any(apiKeys) : null;
                        if (target != null && delete(http, "/api/v1/me/api-keys/" + target)) {
                            apiKeys.remove(target);
                            deleted.add(target);
                        }
                    }
                }
                target = null;
            } catch (RuntimeException serverGone) {
                if (target != null) {
                    uncertain.add(target);
                }
                return;
            }
        }
    }

    private static boolean delete(HttpTestClient http, String path) {
        return http.send(http.request(path).DELETE().build()).status() == 204;
    }

    private String any(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static HttpTestClient signIn(Server server, boolean register) {
        HttpTestClient anonymous = new HttpTestClient(server.port);
        if (register) {
            HttpTestClient.Answer registered = anonymous.postJson(
                    "/api/v1/auth/register", "{\"username\":\"crash-user\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        }
        return anonymous.withBearer(
                anonymous.login("crash-user", PASSWORD).get("accessToken").asString());
    }

    /** The server in a JVM of its own, started from the test's own class path. */
    private record Server(Process process, int port) {

        static Server start(Path dataDir) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(dataDir.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.sextant.SextantApplication",
                            "--server.port=" + port,
                            "--sextant.data-dir=" + dataDir.toAbsolutePath(),
                            "--sextant.registration=open",
                            "--sextant.ratelimit.auth-per-minute=1000000",
                            "--sextant.ratelimit.default-per-minute=1000000",
                            "--sextant.ratelimit.market-data-per-minute=1000000",
                            "--logging.level.root=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log")
                            .toFile())
                    .start();
            Server server = new Server(process, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            HttpTestClient probe = new HttpTestClient(port);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited with " + process.exitValue());
                }
                try {
                    if (probe.get("/health/readiness").status() == 200) {
                        return server;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            server.kill();
            throw new AssertionError("the server did not start within 120 s");
        }

        /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed on the way out. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
