package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.ProviderArticle;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Arbitrator#every}: every eligible provider asked at once, each outcome reported on its
 * own: an answer, a failure, a timeout, a circuit that held the call back; providers without a
 * needed key are not asked, and data bought with a user's own key is scoped to that user.
 */
class ArbitratorEveryTest {

    private static final UUID ALICE = UUID.fromString("00000000-0000-4000-8000-00000000a11c");
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.close();
    }

    private Arbitrator arbitrator(KeyResolver keys, FakeNewsProvider... providers) {
        GuardedProvider.Guards guards =
                new GuardedProvider.Guards(Duration.ofMillis(300), 4, 50, Duration.ofMinutes(5));
        return new Arbitrator(
                Arrays.stream(providers)
                        .map(p -> new GuardedProvider(p, p.profile().rateLimit(), guards, executor, Clock.systemUTC()))
                        .toList(),
                keys,
                executor,
                false,
                0.01,
                Duration.ofMillis(300));
    }

    private static List<Arbitrator.Outcome<List<ProviderArticle>>> ask(Arbitrator arbitrator, UUID owner) {
        Instant now = Instant.now();
        return arbitrator.every(
                Capability.NEWS,
                "ACME",
                AssetClass.EQUITY,
                owner,
                "news for ACME",
                (provider, key) -> provider.news("ACME", AssetClass.EQUITY, now.minusSeconds(86_400), now, 10, key));
    }

    @Test
    void test_eachProvidersOutcome_isItsOwn() {
        ProviderArticle article = new ProviderArticle(
                "https://a.test/1", "Acme wins", null, "A", Instant.now().minusSeconds(60), List.of("ACME"), null);
        FakeNewsProvider answers = new FakeNewsProvider("answers", false, DataLicence.SHARED).listing(article);
        FakeNewsProvider fails =
                new FakeNewsProvider("fails", false, DataLicence.SHARED).failingWith(ProviderFailure.Kind.BAD_DATA);
        FakeNewsProvider hangs = new FakeNewsProvider("hangs", false, DataLicence.SHARED).slow(2_000);
        FakeNewsProvider keyless = new FakeNewsProvider("keyed", true, DataLicence.SHARED);
        Arbitrator arbitrator = arbitrator((id, owner) -> Optional.empty(), answers, fails, hangs, keyless);

        long start = System.nanoTime();
        List<Arbitrator.Outcome<List<ProviderArticle>>> outcomes = ask(arbitrator, null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(outcomes)
                .extracting(Arbitrator.Outcome::provider)
                .containsExactlyInAnyOrder("answers", "fails", "hangs");
        assertThat(keyless.calls.get()).as("no key, not asked").isZero();
        for (Arbitrator.Outcome<List<ProviderArticle>> outcome : outcomes) {
            switch (outcome) {
                case Arbitrator.Outcome.Answered<List<ProviderArticle>> answered -> {
                    assertThat(answered.provider()).isEqualTo("answers");
                    assertThat(answered.value()).containsExactly(article);
                    assertThat(answered.scope()).isEqualTo("public");
                }
                case Arbitrator.Outcome.Failed<List<ProviderArticle>> failed ->
                    assertThat(failed.failure().kind())
                            .isEqualTo(
                                    failed.provider().equals("fails")
                                            ? ProviderFailure.Kind.BAD_DATA
                                            : ProviderFailure.Kind.UNAVAILABLE);
            }
        }
        assertThat(millis).as("asked at once: one timeout, not the sum").isLessThan(1_500);
    }

    @Test
    void test_anOpenCircuit_skipsTheCall_andAUsersOwnKeyScopesTheAnswerToThem() {
        FakeNewsProvider flaky =
                new FakeNewsProvider("flaky", false, DataLicence.SHARED).failingWith(ProviderFailure.Kind.UNAVAILABLE);
        FakeNewsProvider paid = new FakeNewsProvider("paid", true, DataLicence.KEY_OWNER_ONLY);
        Arbitrator arbitrator = arbitrator(
                (id, owner) -> id.equals("paid") && ALICE.equals(owner)
                        ? Optional.of(new ProviderKey("k", ALICE))
                        : Optional.empty(),
                flaky,
                paid);
        for (int i = 0; i < 4; i++) {
            ask(arbitrator, ALICE);
        }

        List<Arbitrator.Outcome<List<ProviderArticle>>> outcomes = ask(arbitrator, ALICE);

        assertThat(flaky.calls.get()).as("the fifth call never reached it").isEqualTo(4);
        Arbitrator.Outcome.Failed<?> skipped = (Arbitrator.Outcome.Failed<?>) outcomes.stream()
                .filter(o -> o.provider().equals("flaky"))
                .findFirst()
                .orElseThrow();
        assertThat(skipped.failure().kind()).isEqualTo(ProviderFailure.Kind.SKIPPED);
        Arbitrator.Outcome.Answered<?> mine = (Arbitrator.Outcome.Answered<?>) outcomes.stream()
                .filter(o -> o.provider().equals("paid"))
                .findFirst()
                .orElseThrow();
        assertThat(mine.scope()).isEqualTo("user:" + ALICE);
    }
}
