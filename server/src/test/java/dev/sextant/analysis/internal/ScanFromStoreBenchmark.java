package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.query.QueryLimits;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's SCAN over 5,000 symbols x 2,520 daily bars, through the server's own data path instead
 * of in-memory arrays ({@code bench/ScanBenchmarks}): every symbol imported over HTTP into the bar
 * store ({@code POST /api/v1/imports}), then the SCAN sent to {@code POST /api/v1/query}, which
 * fetches each symbol through the market-data service and computes on the query pool. Round 1 is
 * cold (the store reads the bar rows and takes each series' snapshot); later rounds read the
 * snapshots (those not stored yet are taken again: the server stores them behind the reads, one
 * writer with a bounded queue). Each round prints its wall time, the compute time the server recorded
 * ({@code sextant.query.compute}) and the rest (fetching, admission, JSON), and checks the answer
 * against the analytics engine run on the same generated bars in memory.
 *
 * <p>Everything goes through HTTP and public faces, so the harness measures whatever the server
 * does today and can be rerun unchanged after the fetch changes. Run by {@code scripts/bench-scan.sh}
 * (tag {@code benchmark}: not part of the everyday suite). {@code -Dsextant.bench.symbols} and
 * {@code -Dsextant.bench.rounds} shrink or lengthen a run.
 */
@Tag("benchmark")
class ScanFromStoreBenchmark {

    static final int SYMBOLS = Integer.getInteger("sextant.bench.symbols", 5_000);
    static final int BARS = 2_520;
    static final int ROUNDS = Integer.getInteger("sextant.bench.rounds", 10);
    /** The last bar: a Friday before this benchmark was written, so every later run serves all bars. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 27);

    static final String QUERY = "SCAN universe:us-equities WHERE RSI(14) < 30 AND VOLUME > AVG_VOLUME(30d) * 2 "
            + "AND PRICE_CHANGE(1d) > 5% ORDER BY RSI(14) LIMIT 20";

    /** Rows in every round of the query are few or none; this one answers 20 rows to compare. */
    static final String CHECK = "SCAN universe:us-equities WHERE RSI(14) < 30 ORDER BY RSI(14) LIMIT 20";

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final String BOUNDARY = "----sextant-bench-boundary";

    /**
     * Limits raised by configuration only, so the one SCAN over 5,000 symbols is admitted and never
     * cut short on a busy machine; everything else is the server's default.
     */
    private static final String[] SETTINGS = {
        "server.port=0",
        "sextant.demo.enabled=false",
        "sextant.ratelimit.enabled=false",
        // Importing 5,000 files takes 10 to 20 minutes here: longer than an access token's default life.
        "sextant.identity.access-token-ttl=2h",
        "sextant.query.max-universe-symbols=10000",
        "sextant.query.compute-time=120s",
        "sextant.query.queue-wait=120s",
        "sextant.query.caller-compute-time=1h",
        "sextant.query.caller-window=1h",
        "logging.level.root=warn"
    };

    @Test
    void h2() throws Exception {
        measure("H2 (embedded file)", "sextant.data-dir=target/test-data/bench-scan-" + System.nanoTime());
    }

    @Nested
    @RequiresPostgres
    class OnPostgres {
        @Test
        void postgres() throws Exception {
            try (PostgresSchema schema = new PostgresSchema()) {
                measure(
                        "PostgreSQL (127.0.0.1)",
                        "sextant.data-dir=target/test-data/bench-scan-pg-" + System.nanoTime(),
                        "sextant.db.url=" + schema.url(),
                        "sextant.db.username=" + RequiresPostgres.USER);
            }
        }
    }

    private static void measure(String database, String... properties) throws Exception {
        Map<String, OhlcvSeries> market = market();
        List<List<Object>> expected = inMemory(market, QUERY);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .properties(SETTINGS)
                .properties(properties)
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            context.getBean(AccountAdministration.class)
                    .createAccount("bench", null, PASSWORD, Set.of(Role.ANALYST), false);
            HttpTestClient anonymous = new HttpTestClient(port);
            HttpTestClient client = anonymous.withBearer(
                    anonymous.login("bench", PASSWORD).get("accessToken").asString());

            long importing = System.nanoTime();
            importAll(client, market);
            System.out.printf(
                    "%s: imported %,d symbols x %,d bars over HTTP in %.1f s%n",
                    database, SYMBOLS, BARS, (System.nanoTime() - importing) / 1e9);

            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Timer compute = context.getBean(MeterRegistry.class)
                    .get("sextant.query.compute")
                    .timer();
            for (int round = 1; round <= ROUNDS; round++) {
                long snapshots = jdbc.sql("SELECT COUNT(*) FROM bar_snapshot")
                        .query(Long.class)
                        .single();
                double computedBefore = compute.totalTime(TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                HttpTestClient.Answer answer = query(client, QUERY);
                double millis = (System.nanoTime() - start) / 1e6;
                double computed = compute.totalTime(TimeUnit.MILLISECONDS) - computedBefore;
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                JsonNode body = answer.json();
                assertThat(body.get("inputs")).as("every symbol fetched").hasSize(SYMBOLS);
                assertThat(rows(body.get("results").get(0).get("rows")))
                        .as("the server's table equals the engine's over the same bars in memory")
                        .isEqualTo(expected);
                System.out.printf(
                        "%s: round %d (%s): %.0f ms wall, %.0f ms computing, %.0f ms fetching and the rest; "
                                + "%d rows; %d series with a stored snapshot before it; load average %s%n",
                        database,
                        round,
                        round == 1 ? "cold: bar rows, snapshots taken" : "snapshots",
                        millis,
                        computed,
                        millis - computed,
                        expected.size(),
                        snapshots,
                        loadAverage());
                // Snapshots taken in a round are stored behind it, one writer: let it finish, as
                // it would between one user's queries.
                Thread.sleep(round == 1 ? 20_000 : 2_000);
            }
            HttpTestClient.Answer check = query(client, CHECK);
            assertThat(check.status()).as(check.body()).isEqualTo(200);
            List<List<Object>> checked = rows(check.json().get("results").get(0).get("rows"));
            assertThat(checked)
                    .as("a SCAN with rows: the server's table equals the engine's over the same bars in memory")
                    .isEqualTo(inMemory(market, CHECK))
                    .isNotEmpty();
            System.out.printf(
                    "%s: checked %d rows of '%s' against the engine in memory%n", database, checked.size(), CHECK);
        }
    }

    private static HttpTestClient.Answer query(HttpTestClient client, String text) {
        return client.send(client.request("/api/v1/query")
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build());
    }

    /** The machine's 1-minute load average: other work on the same cores shows in the figures. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    /**
     * The bars of {@code bench/ScanBenchmarks} (same seed, same draws), stamped on the 2,520
     * weekdays up to {@link #LAST_DAY} so that a query as of today evaluates every symbol at its
     * last bar.
     */
    private static Map<String, OhlcvSeries> market() {
        long[] days = new long[BARS];
        LocalDate day = LAST_DAY;
        for (int i = BARS - 1; i >= 0; i--) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            days[i] = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            day = day.minusDays(1);
        }
        Map<String, OhlcvSeries> series = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(2026);
        for (int s = 0; s < SYMBOLS; s++) {
            OhlcvSeries.Builder bars = OhlcvSeries.builder(BARS);
            double price = 10 + random.nextDouble(0, 200);
            double volatility = 0.01 + random.nextDouble(0, 0.03);
            for (int i = 0; i < BARS; i++) {
                double open = price;
                price *= Math.exp(random.nextGaussian() * volatility);
                bars.add(
                        days[i],
                        open,
                        Math.max(open, price) * 1.003,
                        Math.min(open, price) * 0.997,
                        price,
                        random.nextDouble(1e5, 1e7));
            }
            series.put(String.format("SCAN%04d", s), bars.build());
        }
        return series;
    }

    /** The same SCAN by the analytics engine alone, over the bars in memory: the answer to expect. */
    private static List<List<Object>> inMemory(Map<String, OhlcvSeries> market, String query) {
        QueryEngine engine = new QueryEngine(QueryLimits.DEFAULTS);
        List<String> symbols = List.copyOf(market.keySet());
        QueryEngine.Data data = new QueryEngine.Data() {
            @Override
            public QueryEngine.Series series(String symbol) {
                return new QueryEngine.Series(symbol, market.get(symbol), 252);
            }

            @Override
            public Optional<List<String>> universe(String name) {
                return Optional.of(symbols);
            }
        };
        return engine.run(engine.parse(query), data).getFirst().rows();
    }

    /** A table's rows as the engine gives them: the symbol, then each metric's value. */
    private static List<List<Object>> rows(JsonNode rows) {
        List<List<Object>> table = new ArrayList<>();
        for (JsonNode row : rows) {
            List<Object> values = new ArrayList<>();
            values.add(row.get(0).asString());
            for (int i = 1; i < row.size(); i++) {
                values.add(row.get(i).isNull() ? null : row.get(i).asDouble());
            }
            table.add(values);
        }
        return table;
    }

    /** Every symbol's CSV to {@code POST /api/v1/imports}, two at a time (the machine has two cores). */
    private static void importAll(HttpTestClient client, Map<String, OhlcvSeries> market) throws Exception {
        try (ExecutorService importers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> done = new ArrayList<>();
            market.forEach((symbol, bars) -> done.add(importers.submit(() -> {
                HttpTestClient.Answer answer = client.send(client.request("/api/v1/imports")
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofString(multipart(symbol, bars), StandardCharsets.UTF_8))
                        .build());
                if (answer.status() != 201) {
                    throw new AssertionError("import of " + symbol + ": " + answer.status() + " " + answer.body());
                }
            })));
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    private static String multipart(String symbol, OhlcvSeries bars) {
        StringBuilder csv = new StringBuilder(bars.size() * 100).append("Date,Open,High,Low,Close,Volume\n");
        for (int i = 0; i < bars.size(); i++) {
            csv.append(LocalDate.ofEpochDay(bars.time(i) / 86_400))
                    .append(',')
                    .append(bars.open(i))
                    .append(',')
                    .append(bars.high(i))
                    .append(',')
                    .append(bars.low(i))
                    .append(',')
                    .append(bars.close(i))
                    .append(',')
                    .append(bars.volume(i))
                    .append('\n');
        }
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n" + symbol + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + symbol
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
    }
}
