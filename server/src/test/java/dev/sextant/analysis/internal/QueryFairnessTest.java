package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One caller's worst-case queries cannot stall the server: they compute on the bounded query
 * pool, a caller has at most two running, and a caller over their compute budget waits, while
 * other users' reads, sign-in and {@code /health} keep their latency.
 */
class QueryFairnessTest {

    private static final String PASSWORD = "Fair-Share-Passphrase-9";

    /**
     * Stated latency while the worst case runs: a median a user does not notice, and no request
     * over a second (the machine is shared, so with room for its noise).
     */
    private static final long MEDIAN_MILLIS = 150;

    private static final long WORST_MILLIS = 1_000;

    private static ConfigurableApplicationContext start(String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "sextant.data-dir=target/test-data/fairness-" + UUID.randomUUID(),
                "sextant.ratelimit.default-per-minute=100000",
                "sextant.ratelimit.market-data-per-minute=100000",
                "sextant.query.compute-time=2s",
                // Room for a query many times the compute limit on any machine, so it is refused there.
                "sextant.query.max-length=60000",
                "sextant.query.max-statements=20"));
        properties.addAll(Arrays.asList(extra));
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    private static HttpTestClient signIn(ConfigurableApplicationContext server, String username) {
        HttpTestClient anonymous = new HttpTestClient(
                ((WebServerApplicationContext) server).getWebServer().getPort());
        server.getBean(AccountAdministration.class).createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        return anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
    }

    /**
     * Twenty SCANs over the demo universe, each condition a chain of distinct correlations over long
     * spans, all false, so every term of every symbol is computed and nothing is computed twice:
     * about five times the compute limit on this machine.
     */
    static String worstCase() {
        StringBuilder query = new StringBuilder();
        int span = 2520;
        for (int statement = 0; statement < 20; statement++) {
            StringBuilder where = new StringBuilder();
            for (int term = 0; term < 80; term++) { // a chain nests one level a term: within the depth limit
                where.append(term == 0 ? "" : " OR ")
                        .append("CORRELATE(SPY, ")
                        .append(span--)
                        .append("d) > 2");
            }
            query.append("SCAN universe:demo WHERE ").append(where).append(";\n");
        }
        return query.toString();
    }

    /** Milliseconds each of {@code count} sequential calls took, sorted. */
    private static long[] latencies(int count, Supplier<Answer> call) {
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Answer answer = call.get();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        Arrays.sort(millis);
        return millis;
    }

    @Test
    void test_worstCaseQueriesOfTwoCallers_leaveOtherUsersAndHealthTheirLatency() throws Exception {
        try (ConfigurableApplicationContext server = start();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpTestClient mallory = signIn(server, "mallory");
            HttpTestClient trudy = signIn(server, "trudy");
            HttpTestClient alice = signIn(server, "alice");
            HttpTestClient anonymous = new HttpTestClient(
                    ((WebServerApplicationContext) server).getWebServer().getPort());
            String worst = worstCase();
            // Every series fetched and every quote cached: what follows is computing alone.
            assertThat(alice.query("SCAN universe:demo WHERE PRICE > 0").status())
                    .isEqualTo(200);
            alice.get("/api/v1/quotes/AAPL");

            List<Future<Answer>> running = new ArrayList<>();
            for (HttpTestClient attacker : List.of(mallory, trudy, mallory, trudy)) {
                running.add(callers.submit(() -> attacker.query(worst)));
            }
            Thread.sleep(300); // all four are computing or waiting for the query thread now
            long[] health = latencies(20, () -> anonymous.get("/health"));
            long[] reads = latencies(20, () -> alice.get("/api/v1/quotes/AAPL"));
            boolean stillRunning = running.stream().anyMatch(f -> !f.isDone());
            Answer third = mallory.query("EVALUATE AAPL: PRICE");
            long[] queries = latencies(3, () -> alice.query("EVALUATE AAPL: RSI(14)"));
            System.out.printf(
                    "fairness: /health %s, reads %s, alice's queries %s (ms)%n",
                    Arrays.toString(health), Arrays.toString(reads), Arrays.toString(queries));

            assertThat(health[health.length / 2])
                    .as("median /health ms %s", Arrays.toString(health))
                    .isLessThan(MEDIAN_MILLIS);
            assertThat(health[health.length - 1]).as("slowest /health ms").isLessThan(WORST_MILLIS);
            assertThat(reads[reads.length / 2])
                    .as("median cached read ms %s", Arrays.toString(reads))
                    .isLessThan(MEDIAN_MILLIS);
            assertThat(reads[reads.length - 1]).as("slowest cached read ms").isLessThan(WORST_MILLIS);
            assertThat(stillRunning)
                    .as("the worst case was still computing while latency was measured")
                    .isTrue();
            assertThat(queries[queries.length - 1])
                    .as("another user's query waits for one running statement at most (2 s limit) and its own")
                    .isLessThan(4_000);
            assertThat(third.status())
                    .as("a third concurrent query of one caller")
                    .isEqualTo(429);
            assertThat(third.json().get("type").asString()).isEqualTo("urn:sextant:problem:too-many-queries");
            assertThat(third.header("Retry-After")).isEqualTo("1");
            for (Future<Answer> worstCase : running) {
                Answer answer = worstCase.get();
                assertThat(answer.status()).as(answer.body()).isEqualTo(422);
                assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:query-too-expensive");
            }
        }
    }

    @Test
    void test_aCallerOverTheComputeBudget_waits_whileOthersQuery() {
        try (ConfigurableApplicationContext server =
                start("sextant.query.caller-compute-time=500ms", "sextant.query.caller-window=1m")) {
            HttpTestClient mallory = signIn(server, "mallory");
            HttpTestClient alice = signIn(server, "alice");

            Answer expensive = mallory.query(worstCase());
            Answer next = mallory.query("EVALUATE AAPL: PRICE");
            Answer others = alice.query("EVALUATE AAPL: PRICE");

            assertThat(expensive.status()).as(expensive.body()).isEqualTo(422);
            assertThat(next.status()).as(next.body()).isEqualTo(429);
            assertThat(next.contentType()).startsWith("application/problem+json");
            assertThat(next.json().get("type").asString()).isEqualTo("urn:sextant:problem:too-many-queries");
            // 2 s spent against 0.5 s a minute: the budget is in debt for about three minutes.
            assertThat(Long.parseLong(next.header("Retry-After"))).isBetween(150L, 240L);
            assertThat(others.status()).as("another caller's budget").isEqualTo(200);
        }
    }
}
