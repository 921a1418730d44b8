package dev.sextant.marketdata.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 5's L2 figure: ten years of daily bars (2,520) for 500 symbols read from the bar store into
 * analytics arrays, on the embedded H2 database and on the local PostgreSQL. Run by
 * {@code scripts/bench-marketdata.sh} (its third figure; tag {@code benchmark}: not part of the everyday
 * suite).
 */
@Tag("benchmark")
class BarStoreReadBenchmark {

    static final int SYMBOLS = 500;
    static final int BARS = 2_520;

    @Test
    void h2() throws Exception {
        measure("H2 (embedded file)", "sextant.data-dir=target/test-data/bench-l2-" + System.nanoTime());
    }

    @Nested
    @RequiresPostgres
    class OnPostgres {
        @Test
        void postgres() throws Exception {
            try (PostgresSchema schema = new PostgresSchema()) {
                measure(
                        "PostgreSQL (127.0.0.1)",
                        "sextant.data-dir=target/test-data/bench-l2-pg-" + System.nanoTime(),
                        "sextant.db.url=" + schema.url(),
                        "sextant.db.username=" + RequiresPostgres.USER);
            }
        }
    }

    private static void measure(String database, String... properties) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.demo.enabled=false", "logging.level.root=warn")
                .properties(properties)
                .run()) {
            BarStore store = context.getBean(BarStore.class);
            Instant knownAt = Instant.parse("2025-06-11T00:00:00Z");
            long first = LocalDate.of(2015, 6, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            long load = System.nanoTime();
            for (int s = 0; s < SYMBOLS; s++) {
                OhlcvSeries.Builder bars = OhlcvSeries.builder(BARS);
                double price = 50 + s;
                for (int i = 0; i < BARS; i++) {
                    price *= 1 + Math.sin(i * 0.1 + s) * 0.01;
                    bars.add(first + i * 86_400L, price, price * 1.01, price * 0.99, price, 1_000 + i);
                }
                store.write("B" + s, BarInterval.ONE_DAY, BarStore.PUBLIC, bars.build(), "bench", knownAt);
            }
            System.out.printf(
                    "%s: stored %,d bars in %.1f s%n", database, SYMBOLS * BARS, (System.nanoTime() - load) / 1e9);

            long end = first + BARS * 86_400L;
            // Round 1 reads the bar rows and takes each series' snapshot; later rounds read the snapshots.
            for (int round = 1; round <= 5; round++) {
                for (int threads : new int[] {1, 2}) {
                    long start = System.nanoTime();
                    long bars = readAll(store, first, end, threads);
                    double millis = (System.nanoTime() - start) / 1e6;
                    assertThat(bars).isEqualTo((long) SYMBOLS * BARS);
                    System.out.printf(
                            "%s: round %d, %d reader thread(s): %,d bars of %d symbols in %.0f ms%n",
                            database, round, threads, bars, SYMBOLS, millis);
                    if (round == 1 && threads == 1) {
                        long storing = System.nanoTime();
                        BarSnapshots snapshots = context.getBean(BarSnapshots.class);
                        while (snapshots.storing()) {
                            Thread.sleep(10);
                        }
                        System.out.printf(
                                "%s: the snapshots were stored %.0f ms after round 1%n",
                                database, (System.nanoTime() - storing) / 1e6);
                    }
                }
            }
        }
    }

    private static long readAll(BarStore store, long from, long to, int threads) throws Exception {
        try (ExecutorService readers = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> sizes = new ArrayList<>();
            for (int s = 0; s < SYMBOLS; s++) {
                String symbol = "B" + s;
                sizes.add(readers.submit(() -> store.read(
                                symbol,
                                BarInterval.ONE_DAY,
                                BarStore.PUBLIC,
                                from,
                                to,
                                Instant.parse("2025-06-11T00:00:00Z"))
                        .size()));
            }
            long total = 0;
            for (Future<Integer> size : sizes) {
                total += size.get();
            }
            return total;
        }
    }
}
