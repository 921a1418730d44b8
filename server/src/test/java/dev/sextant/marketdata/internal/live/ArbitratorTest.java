package dev.sextant.marketdata.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.DataLicence;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderKey;
import dev.sextant.marketdata.internal.store.BarStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArbitratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-11T15:00:00Z"), ZoneOffset.UTC);
    private static final GuardedProvider.Guards GUARDS =
            new GuardedProvider.Guards(Duration.ofMillis(300), 4, 50, Duration.ofMinutes(5));

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.close();
    }

    private GuardedProvider guarded(FakeProvider provider) {
        return new GuardedProvider(provider, provider.profile().rateLimit(), GUARDS, executor, CLOCK);
    }

    private Arbitrator arbitrator(boolean crossCheck, KeyResolver keys, FakeProvider... providers) {
        return new Arbitrator(
                java.util.Arrays.stream(providers).map(this::guarded).toList(),
                keys,
                executor,
                crossCheck,
                0.01,
                GUARDS.timeout());
    }

    private static KeyResolver noKeys() {
        return (provider, owner) -> Optional.empty();
    }

    @Test
    void test_theFirstHealthyProviderAnswers_andFailuresFallBack() {
        FakeProvider primary = new FakeProvider("primary", 0.9, 100).failingWith(ProviderFailure.Kind.UNAVAILABLE);
        FakeProvider fallback = new FakeProvider("fallback", 0.8, 101);
        Arbitrator arbitrator = arbitrator(false, noKeys(), primary, fallback);

        Arbitrator.Answer<Arbitrator.CheckedQuote> answer = arbitrator.quote("AAPL", AssetClass.EQUITY, null);

        assertThat(answer.provider()).isEqualTo("fallback");
        assertThat(answer.value().quote().price()).isEqualTo(101);
        assertThat(answer.scope()).isEqualTo(BarStore.PUBLIC);
        assertThat(primary.calls).hasValue(1);
        assertThat(arbitrator
                        .provider("primary")
                        .orElseThrow()
                        .score()
                        .snapshot()
                        .failures())
                .isEqualTo(1);
    }

    @Test
    void test_aFailingProvider_isScoredDown_andAskedAfterTheOthers() {
        FakeProvider flaky = new FakeProvider("flaky", 0.9, 100);
        FakeProvider steady = new FakeProvider("steady", 0.8, 100);
        Arbitrator arbitrator = arbitrator(false, noKeys(), flaky, steady);
        assertThat(arbitrator.quote("AAPL", AssetClass.EQUITY, null).provider()).isEqualTo("flaky");

        // Two bad answers (fewer than the circuit needs to judge): the score alone demotes it.
        flaky.failingWith(ProviderFailure.Kind.BAD_DATA);
        arbitrator.quote("AAPL", AssetClass.EQUITY, null);
        arbitrator.quote("AAPL", AssetClass.EQUITY, null);
        flaky.healthy();

        assertThat(arbitrator.quote("AAPL", AssetClass.EQUITY, null).provider()).isEqualTo("steady");
        assertThat(arbitrator.provider("flaky").orElseThrow().score().score())
                .isLessThan(arbitrator.provider("steady").orElseThrow().score().score());
    }

    @Test
    void test_repeatedFailures_openTheCircuit_andTheProviderIsNoLongerCalled() {
        FakeProvider broken = new FakeProvider("broken", 1.0, 100).failingWith(ProviderFailure.Kind.UNAVAILABLE);
        FakeProvider backup = new FakeProvider("backup", 0.5, 100);
        Arbitrator arbitrator = arbitrator(false, noKeys(), broken, backup);

        for (int i = 0; i < 10; i++) {
            assertThat(arbitrator.quote("AAPL", AssetClass.EQUITY, null).provider())
                    .isEqualTo("backup");
        }

        assertThat(arbitrator.provider("broken").orElseThrow().circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(broken.calls.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void test_aHangingProvider_isCutOffAtTheTimeout() {
        FakeProvider hanging = new FakeProvider("hanging", 1.0, 100).slow(5_000);
        FakeProvider backup = new FakeProvider("backup", 0.5, 100);
        Arbitrator arbitrator = arbitrator(false, noKeys(), hanging, backup);

        long start = System.nanoTime();
        Arbitrator.Answer<Arbitrator.CheckedQuote> answer = arbitrator.quote("AAPL", AssetClass.EQUITY, null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.provider()).isEqualTo("backup");
        assertThat(millis).isLessThan(1_500);
    }

    @Test
    void test_unknownSymbols_doNotCountAgainstProviders() {
        FakeProvider provider = new FakeProvider("only", 1.0, 100).failingWith(ProviderFailure.Kind.NOT_FOUND);
        Arbitrator arbitrator = arbitrator(false, noKeys(), provider);

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> arbitrator.quote("ZZZZ", AssetClass.EQUITY, null))
                    .isInstanceOfSatisfying(
                            NoProviderAnswered.class,
                            e -> assertThat(e.notFound()).isTrue());
        }

        assertThat(arbitrator.provider("only").orElseThrow().circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.calls).hasValue(8);
    }

    @Test
    void test_disagreement_isReported_andTheMoreTrustedPriceIsServed() {
        FakeProvider lessTrusted = new FakeProvider("cheap", 0.6, 100);
        FakeProvider trusted = new FakeProvider("solid", 0.95, 103);
        // The less trusted one ranks first here (configured first, equal scores until calls happen).
        Arbitrator arbitrator = arbitrator(true, noKeys(), lessTrusted, trusted);

        Arbitrator.Answer<Arbitrator.CheckedQuote> answer = arbitrator.quote("AAPL", AssetClass.EQUITY, null);

        assertThat(answer.provider()).isEqualTo("solid");
        assertThat(answer.value().quote().price()).isEqualTo(103);
        assertThat(answer.value().conflict()).isEqualTo(new Arbitrator.Conflict("solid", 103, "cheap", 100));
        assertThat(arbitrator.provider("cheap").orElseThrow().score().snapshot().agreement())
                .isLessThan(1);
    }

    @Test
    void test_agreementWithinTheTolerance_isNoConflict() {
        Arbitrator arbitrator =
                arbitrator(true, noKeys(), new FakeProvider("a", 0.9, 100), new FakeProvider("b", 0.8, 100.5));

        Arbitrator.Answer<Arbitrator.CheckedQuote> answer = arbitrator.quote("AAPL", AssetClass.EQUITY, null);

        assertThat(answer.value().conflict()).isNull();
        assertThat(answer.provider()).isEqualTo("a");
    }

    @Test
    void test_keyedProviders_needAKey_andAUsersKeyMakesTheDataTheirs() {
        UUID alice = UUID.randomUUID();
        FakeProvider byok = new FakeProvider("byok", 1.0, 100, true, DataLicence.KEY_OWNER_ONLY);
        FakeProvider free = new FakeProvider("free", 0.5, 100);
        KeyResolver keys = (provider, owner) ->
                alice.equals(owner) ? Optional.of(new ProviderKey("alice-key", alice)) : Optional.empty();
        Arbitrator arbitrator = arbitrator(false, keys, byok, free);

        Arbitrator.Answer<Arbitrator.CheckedQuote> forAlice = arbitrator.quote("AAPL", AssetClass.EQUITY, alice);
        Arbitrator.Answer<Arbitrator.CheckedQuote> forBob =
                arbitrator.quote("AAPL", AssetClass.EQUITY, UUID.randomUUID());

        assertThat(forAlice.provider()).isEqualTo("byok");
        assertThat(forAlice.scope()).isEqualTo("user:" + alice);
        assertThat(forBob.provider()).isEqualTo("free");
        assertThat(forBob.scope()).isEqualTo(BarStore.PUBLIC);
        assertThat(byok.calls).hasValue(1);
    }

    @Test
    void test_noEligibleProvider_isNotFound() {
        Arbitrator arbitrator = arbitrator(false, noKeys(), new FakeProvider("a", 0.9, 100));

        assertThatThrownBy(() -> arbitrator.quote("NOTCARRIED", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(NoProviderAnswered.class, e -> {
                    assertThat(e.notFound()).isTrue();
                    assertThat(e.outcomes()).isEmpty();
                });
        assertThat(arbitrator.anyCan(
                        dev.sextant.marketdata.internal.provider.ProviderProfile.Capability.QUOTES,
                        "AAPL",
                        AssetClass.CRYPTO))
                .isFalse();
    }
}
