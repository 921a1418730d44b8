package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.news.NewsItem;
import dev.sextant.analytics.news.SentimentScore;
import dev.sextant.analytics.news.SentimentScorer;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.NewsProvenance;
import dev.sextant.marketdata.internal.news.NewsDatabase;
import dev.sextant.marketdata.internal.news.NewsRead;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.ProviderArticle;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The news of real instruments: every eligible provider asked through its guards, merged and stored
 * once, a failing provider named but not failing the read, one fetch per symbol at a time, the
 * freshness window, sentiment on ingest, and a user's own key's news kept to that user. On a real
 * (H2) news store.
 */
class LiveNewsTest {

    private static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");
    private static final Instrument ACME =
            new Instrument("ACME", "Acme Corp.", "NYSE", AssetClass.EQUITY, "USD", "yahoo", false);
    private static final UUID ALICE = UUID.fromString("00000000-0000-4000-8000-00000000a11c");
    private static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-000000000b0b");

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Scores by a fixed rule; the scoring itself is LexiconSentiment's own tests' business. */
    private static final class CountingScorer implements SentimentScorer {
        final AtomicInteger scored = new AtomicInteger();

        @Override
        public String name() {
            return "test-scorer-1";
        }

        @Override
        public SentimentScore score(String text) {
            scored.incrementAndGet();
            return new SentimentScore(
                    text.contains("beats") ? 0.7 : 0.0, text.contains("beats") ? "positive" : "neutral", name());
        }
    }

    private final MovableClock clock = new MovableClock();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final NewsDatabase db = NewsDatabase.h2();
    private final CountingScorer scorer = new CountingScorer();
    private final NewsProperties properties = new NewsProperties(Duration.ofMinutes(15), Duration.ofDays(30), 100);

    @AfterEach
    void close() {
        db.close();
        executor.close();
    }

    private LiveNews news(KeyResolver keys, FakeNewsProvider... providers) {
        GuardedProvider.Guards guards =
                new GuardedProvider.Guards(Duration.ofMillis(500), 8, 50, Duration.ofMinutes(5));
        Arbitrator arbitrator = new Arbitrator(
                Arrays.stream(providers)
                        .map(p -> new GuardedProvider(p, p.profile().rateLimit(), guards, executor, clock))
                        .toList(),
                keys,
                executor,
                false,
                0.01,
                Duration.ofMillis(500));
        return new LiveNews(arbitrator, db.store, scorer, clock, properties);
    }

    private static final KeyResolver NO_KEYS = (provider, owner) -> Optional.empty();

    private static ProviderArticle article(String url, String title, String published, Double sentiment) {
        return new ProviderArticle(
                url, title, "Summary of " + title, "Wire", Instant.parse(published), List.of("ACME"), sentiment);
    }

    private NewsRead readNow(LiveNews news, UUID owner) {
        return news.read(ACME, NOW.minus(Duration.ofDays(30)), NOW.plusSeconds(3600), null, 50, null, owner);
    }

    @Test
    void test_everyProviderIsAsked_articlesMergedOnce_aFailingProviderIsNamedNotFatal() {
        FakeNewsProvider wire = new FakeNewsProvider("wire", false, DataLicence.SHARED)
                .listing(
                        article(
                                "https://wire.test/1?utm_source=a",
                                "Acme beats quarterly estimates by a mile",
                                "2025-06-10T12:00:00Z",
                                null),
                        article("https://wire.test/2", "Acme opens a new plant in Ohio", "2025-06-09T12:00:00Z", 0.2));
        FakeNewsProvider feed = new FakeNewsProvider("feed", false, DataLicence.SHARED)
                .listing(
                        article(
                                "https://wire.test/1",
                                "Acme beats quarterly estimates by a mile",
                                "2025-06-10T12:00:00Z",
                                0.9),
                        article(
                                "https://feed.test/9",
                                "Acme names a new chief financial officer",
                                "2025-06-08T12:00:00Z",
                                null));
        FakeNewsProvider down =
                new FakeNewsProvider("down", false, DataLicence.SHARED).failingWith(ProviderFailure.Kind.UNAVAILABLE);
        LiveNews news = news(NO_KEYS, wire, feed, down);

        NewsRead read = readNow(news, ALICE);

        assertThat(read.items())
                .extracting(NewsItem::url)
                .containsExactly("https://wire.test/1?utm_source=a", "https://wire.test/2", "https://feed.test/9");
        assertThat(List.of(wire.calls.get(), feed.calls.get(), down.calls.get()))
                .containsExactly(1, 1, 1);
        NewsProvenance provenance = read.provenance();
        assertThat(provenance.demo()).isFalse();
        assertThat(provenance.fetchedAt()).isEqualTo(NOW);
        assertThat(provenance.stale()).isFalse();
        assertThat(provenance.providers())
                .extracting(
                        NewsProvenance.ProviderOutcome::provider,
                        NewsProvenance.ProviderOutcome::outcome,
                        NewsProvenance.ProviderOutcome::articles)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wire", "answered", 2),
                        org.assertj.core.groups.Tuple.tuple("feed", "answered", 2),
                        org.assertj.core.groups.Tuple.tuple("down", "failed", 0));
        assertThat(provenance.providers().stream()
                        .filter(p -> p.provider().equals("down"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .startsWith("unavailable:");
        assertThat(read.items()).allMatch(item -> !item.knownAt().isAfter(read.asOf()));
    }

    @Test
    void test_sentiment_isTheProvidersOwn_elseTheScorers_sayingWhich() {
        FakeNewsProvider wire = new FakeNewsProvider("wire", false, DataLicence.SHARED)
                .listing(
                        article(
                                "https://wire.test/own",
                                "Acme cuts its dividend in half",
                                "2025-06-10T12:00:00Z",
                                -0.6),
                        article(
                                "https://wire.test/none",
                                "Acme beats estimates again this quarter",
                                "2025-06-10T13:00:00Z",
                                null));

        List<NewsItem> items = readNow(news(NO_KEYS, wire), null).items();

        NewsItem scored = items.get(0);
        NewsItem own = items.get(1);
        assertThat(own.sentiment()).isEqualTo(-0.6);
        assertThat(own.scorer()).isEqualTo("wire");
        assertThat(scored.sentiment()).isEqualTo(0.7);
        assertThat(scored.scorer()).isEqualTo("test-scorer-1");
        assertThat(scorer.scored.get()).as("only the unscored article").isEqualTo(1);
    }

    @Test
    void test_withinTheFreshnessWindow_nobodyIsAsked_afterItTheyAre_andPastReadsAskNobody() {
        FakeNewsProvider wire = new FakeNewsProvider("wire", false, DataLicence.SHARED)
                .listing(article(
                        "https://wire.test/1",
                        "Acme beats quarterly estimates by a mile",
                        "2025-06-10T12:00:00Z",
                        null));
        LiveNews news = news(NO_KEYS, wire);

        readNow(news, null);
        clock.advance(Duration.ofMinutes(10));
        NewsRead cached = readNow(news, null);
        assertThat(wire.calls.get()).isEqualTo(1);
        assertThat(cached.provenance().fetchedAt()).isEqualTo(NOW);

        NewsRead past =
                news.read(ACME, NOW.minus(Duration.ofDays(30)), NOW, NOW.minus(Duration.ofDays(1)), 50, null, null);
        assertThat(past.items()).as("stored today: unknown yesterday").isEmpty();
        assertThat(past.provenance().note()).contains("past");

        clock.advance(Duration.ofMinutes(6));
        wire.listing(article("https://wire.test/2", "Acme recalls some older products", "2025-06-11T15:10:00Z", null));
        NewsRead refreshed = readNow(news, null);
        assertThat(wire.calls.get()).isEqualTo(2);
        assertThat(refreshed.items())
                .extracting(NewsItem::url)
                .containsExactly("https://wire.test/2", "https://wire.test/1");
        assertThat(refreshed.items().get(1).knownAt())
                .as("the first sighting stands")
                .isEqualTo(NOW);
    }

    @Test
    void test_concurrentReadsOfOneSymbol_shareOneFetch() throws Exception {
        FakeNewsProvider slow = new FakeNewsProvider("slow", false, DataLicence.SHARED)
                .slow(200)
                .listing(article(
                        "https://wire.test/1",
                        "Acme beats quarterly estimates by a mile",
                        "2025-06-10T12:00:00Z",
                        null));
        LiveNews news = news(NO_KEYS, slow);
        List<Future<NewsRead>> reads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            reads.add(executor.submit(() -> readNow(news, null)));
        }
        for (Future<NewsRead> read : reads) {
            assertThat(read.get().items()).hasSize(1);
        }
        assertThat(slow.calls.get()).isEqualTo(1);
    }

    @Test
    void test_allProvidersFailing_answersWhatIsStored_flaggedStale() {
        FakeNewsProvider wire = new FakeNewsProvider("wire", false, DataLicence.SHARED)
                .listing(article(
                        "https://wire.test/1",
                        "Acme beats quarterly estimates by a mile",
                        "2025-06-10T12:00:00Z",
                        null));
        LiveNews news = news(NO_KEYS, wire);
        readNow(news, null);
        clock.advance(Duration.ofHours(1));
        wire.failingWith(ProviderFailure.Kind.UNAVAILABLE);

        NewsRead read = readNow(news, null);

        assertThat(read.items()).hasSize(1);
        assertThat(read.provenance().stale()).isTrue();
        assertThat(read.provenance().fetchedAt()).isEqualTo(NOW);
        assertThat(read.provenance().providers())
                .extracting(NewsProvenance.ProviderOutcome::outcome)
                .containsExactly("failed");
    }

    @Test
    void test_newsBoughtWithAUsersOwnKey_isThatUsersAlone() {
        FakeNewsProvider paid = new FakeNewsProvider("paid", true, DataLicence.KEY_OWNER_ONLY)
                .listing(article(
                        "https://paid.test/scoop",
                        "Acme scoop for paying subscribers only",
                        "2025-06-10T12:00:00Z",
                        null));
        FakeNewsProvider free = new FakeNewsProvider("free", false, DataLicence.SHARED)
                .listing(
                        article("https://free.test/1", "Acme opens a new plant in Ohio", "2025-06-09T12:00:00Z", null));
        KeyResolver keys = (provider, owner) -> provider.equals("paid") && ALICE.equals(owner)
                ? Optional.of(new ProviderKey("alice-secret-key", ALICE))
                : Optional.empty();
        LiveNews news = news(keys, paid, free);

        NewsRead alice = readNow(news, ALICE);
        NewsRead bob = readNow(news, BOB);

        assertThat(alice.items())
                .extracting(NewsItem::url)
                .containsExactly("https://paid.test/scoop", "https://free.test/1");
        assertThat(bob.items()).extracting(NewsItem::url).containsExactly("https://free.test/1");
        assertThat(bob.provenance().providers())
                .extracting(NewsProvenance.ProviderOutcome::provider)
                .containsExactly("free");
        assertThat(paid.keys).extracting(ProviderKey::owner).containsOnly(ALICE);
        assertThat(db.store.read(
                        "ACME",
                        List.of("public"),
                        Instant.EPOCH,
                        NOW.plusSeconds(3600),
                        NOW.plusSeconds(3600),
                        50,
                        null))
                .extracting(NewsItem::url)
                .doesNotContain("https://paid.test/scoop");
        assertThat(Map.of("alice", alice.toString(), "bob", bob.toString()).values())
                .noneMatch(text -> text.contains("alice-secret-key"));
    }
}
