package dev.sextant.marketdata.internal.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.internal.provider.MarketDataProvider;
import dev.sextant.marketdata.internal.provider.ProviderHttp;
import dev.sextant.marketdata.internal.provider.ProviderProfile;
import dev.sextant.marketdata.internal.provider.StooqProvider;
import dev.sextant.marketdata.internal.provider.YahooProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's failover figure: uncached quotes while the primary provider (Yahoo, stubbed) answers
 * 500s or hangs, against the fallback (Stooq, stubbed at 50 ms) on its own, 16 concurrent callers.
 * The p99 of the answers must stay under twice the fallback's own p99: the circuit opens and calls
 * do not pile up on the failing provider. Run by {@code scripts/bench-marketdata.sh} (tag
 * {@code benchmark}).
 */
@Tag("benchmark")
class ProviderFailoverBenchmark {

    static final int CALLS = 3_000;
    static final int CALLERS = 16;
    /** Outbound budgets far above this load, so only failures and guards shape the figures. */
    static final ProviderProfile.RateLimit UNLIMITED = ProviderProfile.RateLimit.perMinute(1_000_000);

    static WireMockServer yahoo;
    static WireMockServer stooq;

    @BeforeAll
    static void start() {
        yahoo = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").containerThreads(64));
        stooq = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").containerThreads(64));
        yahoo.start();
        stooq.start();
        stooq.stubFor(get(urlPathEqualTo("/q/l/"))
                .willReturn(aResponse()
                        .withFixedDelay(50)
                        .withBody("Symbol,Date,Time,Open,High,Low,Close,Volume\r\n"
                                + "AAPL.US,2025-06-10,22:00:09,200.6,204.35,200.57,202.67,54672608\r\n")));
    }

    @AfterAll
    static void stop() {
        yahoo.stop();
        stooq.stop();
    }

    @Test
    void failover() throws Exception {
        double alone = run("Stooq alone (50 ms)", false);

        yahoo.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(aResponse().withStatus(500)));
        double failing = run("Yahoo answering 500, Stooq behind it", true);

        yahoo.resetAll();
        yahoo.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(aResponse().withFixedDelay(30_000)));
        double hanging = run("Yahoo hanging (timeout 1 s), Stooq behind it", true);

        assertThat(failing).isLessThan(2 * alone);
        assertThat(hanging).isLessThan(2 * alone);
    }

    /** Answers the p99 in milliseconds. */
    private static double run(String scenario, boolean withYahoo) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            ProviderHttp http = new ProviderHttp(
                    HttpClient.newBuilder().executor(executor).build(),
                    JsonMapper.builder().build(),
                    Duration.ofSeconds(1),
                    "Sextant-bench");
            // The circuit's wait is short so that its half-open probes of the hanging provider fall inside the run.
            GuardedProvider.Guards guards =
                    new GuardedProvider.Guards(Duration.ofSeconds(1), 8, 50, Duration.ofSeconds(5));
            List<MarketDataProvider> providers = new ArrayList<>();
            if (withYahoo) {
                providers.add(new YahooProvider(http, URI.create(yahoo.baseUrl())));
            }
            providers.add(new StooqProvider(http, URI.create(stooq.baseUrl())));
            Arbitrator arbitrator = new Arbitrator(
                    providers.stream()
                            .map(p -> new GuardedProvider(p, UNLIMITED, guards, executor, Clock.systemUTC()))
                            .toList(),
                    (provider, owner) -> Optional.empty(),
                    executor,
                    false,
                    0.01,
                    guards.timeout());
            // Warm up connections and the JIT on the fallback alone, before the primary is asked at all.
            Arbitrator warmUp = new Arbitrator(
                    List.of(new GuardedProvider(providers.getLast(), UNLIMITED, guards, executor, Clock.systemUTC())),
                    (provider, owner) -> Optional.empty(),
                    executor,
                    false,
                    0.01,
                    guards.timeout());
            for (int i = 0; i < 100; i++) {
                warmUp.quote("AAPL", AssetClass.EQUITY, null);
            }
            long[] nanos = new long[CALLS];
            List<Future<?>> callers = new ArrayList<>();
            long wall = System.nanoTime();
            for (int c = 0; c < CALLERS; c++) {
                int caller = c;
                callers.add(executor.submit(() -> {
                    for (int i = caller; i < CALLS; i += CALLERS) {
                        long start = System.nanoTime();
                        String provider;
                        try {
                            provider = arbitrator
                                    .quote("AAPL", AssetClass.EQUITY, null)
                                    .provider();
                        } catch (NoProviderAnswered e) {
                            throw new AssertionError(scenario + ": call " + i + " failed: "
                                    + e.failures().stream()
                                            .map(Throwable::getMessage)
                                            .toList());
                        }
                        nanos[i] = System.nanoTime() - start;
                        assertThat(provider).isEqualTo(StooqProvider.ID);
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double p50 = sorted[CALLS / 2] / 1e6;
            double p99 = sorted[(int) (CALLS * 0.99)] / 1e6;
            double max = sorted[CALLS - 1] / 1e6;
            long slow = Arrays.stream(nanos).filter(n -> n > 200_000_000L).count();
            System.out.printf(
                    "%s: %d quotes in %.1f s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, %d over 200 ms%s%n",
                    scenario,
                    CALLS,
                    seconds,
                    p50,
                    p99,
                    max,
                    slow,
                    withYahoo
                            ? ", Yahoo circuit "
                                    + arbitrator
                                            .provider(YahooProvider.ID)
                                            .orElseThrow()
                                            .circuitState()
                            : "");
            return p99;
        }
    }
}
