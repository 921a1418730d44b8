package dev.sextant.analysis.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.LoopbackStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A query fetches the series it reads concurrently: over a provider that takes 400 ms a series, a
 * SCAN of twelve symbols takes about two rounds of eight, not twelve calls one after the other,
 * and still asks for each series once, lists its inputs in the universe's order and fails on the
 * first failing symbol in the statement's order.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/parallel-${random.uuid}",
            "sextant.demo.enabled=false",
            "sextant.providers.enabled=yahoo",
            "sextant.providers.cross-check=false",
            "sextant.providers.budgets=yahoo=100000/1s",
            "sextant.providers.timeout=10s",
            "sextant.providers.circuit-failure-rate=100",
            "sextant.providers.warm-watchlists=false",
            "sextant.query.fetch-concurrency=8",
            "sextant.ratelimit.default-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000"
        })
@Import(FixedClockConfiguration.class)
class ParallelFetchHttpTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final int DELAY_MS = 400;
    private static final List<String> SYMBOLS =
            IntStream.range(0, 12).mapToObj(i -> "PAR" + i).toList();
    /** Symbols of the failure test only, so that the SCAN finds none of its series stored. */
    private static final List<String> OTHERS = List.of("OTH1", "OTH2", "OTH3");

    private static final WireMockServer STUB = LoopbackStub.started();

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    private static String token;
    private HttpTestClient http;

    @DynamicPropertySource
    static void providersAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("sextant.providers.urls.yahoo", STUB::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    @BeforeEach
    void signIn() {
        HttpTestClient anonymous = new HttpTestClient(port);
        if (token == null) {
            accounts.createAccount("parallel-user", null, PASSWORD, Set.of(Role.USER), false);
            token = anonymous
                    .login("parallel-user", PASSWORD)
                    .get("accessToken")
                    .asString();
            for (String symbol : java.util.stream.Stream.concat(SYMBOLS.stream(), OTHERS.stream())
                    .toList()) {
                listed(symbol);
                STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/" + symbol))
                        .withQueryParam("interval", equalTo("1d"))
                        .willReturn(okJson(fixture().replace("AAPL", symbol)).withFixedDelay(DELAY_MS)));
            }
            STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                    .withQueryParam("q", equalTo("NOPE"))
                    .willReturn(okJson("{\"quotes\":[],\"news\":[]}")));
        }
        http = anonymous.withBearer(token);
    }

    private static void listed(String symbol) {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo(symbol))
                .willReturn(okJson("{\"quotes\":[{\"exchange\":\"NMS\",\"shortname\":\"" + symbol
                        + "\",\"quoteType\":\"EQUITY\",\"symbol\":\"" + symbol + "\",\"longname\":\"" + symbol
                        + " Inc.\",\"exchDisp\":\"NASDAQ\"}],\"news\":[]}")));
    }

    private static String fixture() {
        try (InputStream in =
                ParallelFetchHttpTest.class.getResourceAsStream("/providers/yahoo-chart-aapl-range.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void test_scan_fetchesItsUniverseConcurrently_eachSeriesOnce_inputsInUniverseOrder() {
        List<String> reversed = SYMBOLS.reversed();
        HttpTestClient.Answer created = http.postJson(
                "/api/v1/me/watchlists", "{\"name\":\"par\",\"symbols\":[\"" + String.join("\",\"", reversed) + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        STUB.resetRequests();

        long started = System.nanoTime();
        HttpTestClient.Answer answer = http.query("SCAN watchlist:par WHERE PRICE > 0 LIMIT 50");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("inputs").findValuesAsString("symbol")).containsExactlyElementsOf(reversed);
        for (String symbol : SYMBOLS) {
            STUB.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/" + symbol)));
        }
        // One after the other takes at least 12 x 400 ms = 4.8 s; eight at a time, two rounds of 400 ms
        // and the storing of each series (about 1.5 s more on two loaded cores).
        assertThat(millis).as("SCAN took %d ms", millis).isLessThan(SYMBOLS.size() * DELAY_MS * 3 / 4);
    }

    @Test
    void test_aFailingSymbol_givesTheProblemOfTheFirstFailingSymbolInOrder() {
        HttpTestClient.Answer alone = http.query("EVALUATE NOPE: PRICE");
        HttpTestClient.Answer among = http.query("COMPARE OTH1 vs NOPE vs OTH2 vs OTH3 ON PRICE");

        assertThat(alone.status()).as(alone.body()).isBetween(400, 599);
        assertThat(among.status()).isEqualTo(alone.status());
        assertThat(among.json().get("type")).isEqualTo(alone.json().get("type"));
        assertThat(among.json().get("detail")).isEqualTo(alone.json().get("detail"));
    }
}
