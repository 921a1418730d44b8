package dev.sextant.marketdata.internal.news;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.analytics.news.NewsItem;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's news figures, on the server's own database set-up (the embedded H2 file; and the local
 * PostgreSQL): 10,000 distinct articles, listed 12,500 times (a fifth again as duplicates: the same
 * URL with tracking parameters, or the same headline from another source), deduplicated and stored
 * in writes of 100 as fetches deliver them; then as-of reads of a symbol's last 30 days. Run by
 * {@code scripts/bench-news.sh} (tag {@code benchmark}: not part of the everyday suite).
 */
@Tag("benchmark")
class NewsStoreBenchmark {

    static final int SYMBOLS = 20;
    static final int ARTICLES = 10_000;
    static final int DUPLICATES = 2_500;
    static final int BATCH = 100;
    static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");

    @Test
    void h2() {
        measure("H2 (embedded file)", "sextant.data-dir=target/test-data/bench-news-" + System.nanoTime());
    }

    @Nested
    @RequiresPostgres
    class OnPostgres {
        @Test
        void postgres() {
            try (PostgresSchema schema = new PostgresSchema()) {
                measure(
                        "PostgreSQL (127.0.0.1)",
                        "sextant.data-dir=target/test-data/bench-news-pg-" + System.nanoTime(),
                        "sextant.db.url=" + schema.url(),
                        "sextant.db.username=" + RequiresPostgres.USER);
            }
        }
    }

    /** The listings, in fetch order: each article once, and duplicates of earlier ones mixed in. */
    static List<NewsStore.Incoming> listings() {
        SplittableRandom random = new SplittableRandom(14);
        List<NewsStore.Incoming> originals = new ArrayList<>();
        List<NewsStore.Incoming> all = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String symbol = "N" + (i % SYMBOLS);
            Instant published = NOW.minus(Duration.ofMinutes(random.nextLong(60L * 24 * 60)));
            NewsStore.Incoming article = new NewsStore.Incoming(
                    "https://wire" + (i % 7) + ".test/markets/" + symbol.toLowerCase() + "/story-" + i,
                    "Company " + symbol + " reports item " + i + " in its " + (i % 4 == 0 ? "quarterly" : "annual")
                            + " update to investors",
                    "A summary of story " + i + ", two sentences long. ".repeat(3),
                    "Wire " + (i % 7),
                    "bench",
                    published,
                    i % 5 == 0 ? List.of(symbol, "N" + ((i + 1) % SYMBOLS)) : List.of(symbol),
                    random.nextDouble(-1, 1),
                    "bench");
            originals.add(article);
            all.add(article);
            if (i % 4 == 3 && all.size() - i <= DUPLICATES) {
                NewsStore.Incoming earlier = originals.get(random.nextInt(originals.size()));
                all.add(
                        random.nextBoolean()
                                ? new NewsStore.Incoming(
                                        earlier.url() + "?utm_source=rss&utm_medium=feed",
                                        earlier.headline(),
                                        null,
                                        "Aggregator",
                                        "other",
                                        earlier.publishedAt(),
                                        earlier.symbols(),
                                        null,
                                        null)
                                : new NewsStore.Incoming(
                                        "https://other.test/" + i,
                                        earlier.headline().toUpperCase(),
                                        null,
                                        "Other",
                                        "other",
                                        earlier.publishedAt().plusSeconds(3_600),
                                        earlier.symbols(),
                                        null,
                                        null));
            }
        }
        return all;
    }

    private static void measure(String database, String... properties) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.demo.enabled=false", "logging.level.root=warn")
                .properties(properties)
                .run()) {
            NewsStore store = context.getBean(NewsStore.class);
            List<NewsStore.Incoming> listings = listings();
            long start = System.nanoTime();
            int added = 0;
            int merged = 0;
            for (int i = 0; i < listings.size(); i += BATCH) {
                NewsStore.Written written =
                        store.write(listings.subList(i, Math.min(listings.size(), i + BATCH)), NewsStore.PUBLIC, NOW);
                added += written.added();
                merged += written.merged();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(added).isEqualTo(ARTICLES);
            assertThat(merged).isEqualTo(listings.size() - ARTICLES);
            System.out.printf(
                    "%s: %,d listings (%,d articles, %,d duplicates) deduplicated and stored in %.2f s: %,.0f articles"
                            + " per minute%n",
                    database, listings.size(), added, merged, seconds, added / seconds * 60);

            Instant from = NOW.minus(Duration.ofDays(30));
            for (int limit : new int[] {50, 200}) {
                int reads = 2_000;
                long[] nanos = new long[reads];
                int answered = 0;
                for (int r = -300; r < reads; r++) { // the first 300: warm-up
                    String symbol = "N" + Math.floorMod(r, SYMBOLS);
                    long t = System.nanoTime();
                    List<NewsItem> items = store.read(symbol, List.of(NewsStore.PUBLIC), from, NOW, NOW, limit, null);
                    long took = System.nanoTime() - t;
                    if (r >= 0) {
                        nanos[r] = took;
                        answered += items.size();
                    }
                }
                Arrays.sort(nanos);
                System.out.printf(
                        "%s: as-of read of a symbol's last 30 days, limit %d (%.0f articles each): p50 %.2f ms,"
                                + " p99 %.2f ms, max %.2f ms%n",
                        database,
                        limit,
                        answered / (double) reads,
                        nanos[reads / 2] / 1e6,
                        nanos[reads * 99 / 100] / 1e6,
                        nanos[reads - 1] / 1e6);
            }
        }
    }
}
