package dev.sextant.marketdata.internal.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.marketdata.internal.catalog.WatchlistWarmer;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.LoopbackStub;
import dev.sextant.support.TotpCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The market-data API on real providers (Yahoo, Stooq, Binance, FRED) replayed by a WireMock stub,
 * with the demo market off: routing, cross-checks, fallback, single-flight, the bar store, and the
 * admin view, over real HTTP.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/live-${random.uuid}",
            "sextant.demo.enabled=false",
            "sextant.providers.enabled=yahoo,stooq,binance,fred,polygon,edgar",
            // Generous: the thousand-request test loads both cores while the stub answers.
            "sextant.providers.timeout=5s",
            // Tests here fail providers on purpose; circuits have their own test (ArbitratorTest).
            "sextant.providers.circuit-failure-rate=100",
            // Warming runs on demand here (warmOnce), not on a timer that would race the stub counts.
            "sextant.providers.warm-watchlists=false",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000"
        })
@Import(FixedClockConfiguration.class)
class LiveMarketDataHttpTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final WireMockServer STUB = LoopbackStub.started();

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    WatchlistWarmer warmer;

    private static String token;
    private HttpTestClient http;

    @DynamicPropertySource
    static void providersAtTheStub(DynamicPropertyRegistry registry) {
        for (String provider : List.of("yahoo", "stooq", "binance", "fred", "polygon", "edgar", "edgar-data")) {
            registry.add("sextant.providers.urls." + provider, STUB::baseUrl);
        }
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    @BeforeEach
    void signIn() {
        HttpTestClient anonymous = new HttpTestClient(port);
        if (token == null) {
            accounts.createAccount("live-user", null, PASSWORD, Set.of(Role.USER), false);
            token = anonymous.login("live-user", PASSWORD).get("accessToken").asString();
        }
        http = anonymous.withBearer(token);
    }

    private static String fixture(String name) {
        try (InputStream in = LiveMarketDataHttpTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Yahoo's search lists the symbol as an equity, so the catalog can take it in. */
    private static void listed(String symbol, String name) {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo(symbol))
                .willReturn(okJson("{\"quotes\":[{\"exchange\":\"NMS\",\"shortname\":\"" + name
                        + "\",\"quoteType\":\"EQUITY\"," + "\"symbol\":\"" + symbol + "\",\"longname\":\"" + name
                        + "\",\"exchDisp\":\"NASDAQ\"}],\"news\":[]}")));
    }

    private static void yahooQuote(String symbol, double price, double previous) {
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/" + symbol))
                .withQueryParam("range", equalTo("1d"))
                .willReturn(okJson("{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"" + symbol
                        + "\",\"exchangeTimezoneName\":\"America/New_York\",\"regularMarketPrice\":" + price
                        + ",\"chartPreviousClose\":" + previous + ",\"regularMarketTime\":1749653940},"
                        + "\"timestamp\":[1749648600],\"indicators\":{\"quote\":[{}]}}],\"error\":null}}")));
    }

    private static void stooqQuote(String stooqSymbol, double price) {
        STUB.stubFor(get(urlPathEqualTo("/q/l/"))
                .withQueryParam("s", equalTo(stooqSymbol))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/csv")
                        .withBody("Symbol,Date,Time,Open,High,Low,Close,Volume\r\n" + stooqSymbol.toUpperCase()
                                + ",2025-06-11,16:58:01," + price + "," + price + "," + price + "," + price
                                + ",1000\r\n")));
    }

    private JsonNode ok(String path) {
        HttpTestClient.Answer answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void test_aQuote_comesFromTheBestProvider_crossChecked_andThenFromTheCache() {
        listed("AAPL", "Apple Inc.");
        yahooQuote("AAPL", 202.67, 201.45);
        stooqQuote("aapl.us", 202.70);

        JsonNode quote = ok("/api/v1/quotes/AAPL");
        JsonNode again = ok("/api/v1/quotes/AAPL");

        assertThat(quote.get("provider").asString()).isEqualTo("yahoo");
        assertThat(quote.get("demo").asBoolean()).isFalse();
        assertThat(quote.get("price").asDouble()).isEqualTo(202.67);
        assertThat(quote.get("change").asDouble()).isCloseTo(1.22, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(quote.has("conflict")).isFalse();
        assertThat(quote.get("stale").asBoolean()).isFalse();
        assertThat(quote.get("fetchedAt").asString()).isEqualTo("2025-06-11T15:00:00Z");
        assertThat(again.get("price").asDouble()).isEqualTo(202.67);
        STUB.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/AAPL")));
        assertThat(ok("/api/v1/instruments").get("instruments").toString())
                .contains("\"AAPL\"", "\"provider\":\"market\"");
    }

    @Test
    void test_providersThatDisagree_areReportedAsAConflict() {
        listed("MSFT", "Microsoft Corporation");
        yahooQuote("MSFT", 470.0, 468.0);
        stooqQuote("msft.us", 490.0);

        JsonNode quote = ok("/api/v1/quotes/MSFT");

        assertThat(quote.get("provider").asString()).isEqualTo("yahoo");
        assertThat(quote.get("conflict").get("provider").asString()).isEqualTo("yahoo");
        assertThat(quote.get("conflict").get("price").asDouble()).isEqualTo(470.0);
        assertThat(quote.get("conflict").get("otherProvider").asString()).isEqualTo("stooq");
        assertThat(quote.get("conflict").get("otherPrice").asDouble()).isEqualTo(490.0);
    }

    @Test
    void test_whenThePrimaryFails_theNextProviderAnswers() {
        listed("NVDA", "NVIDIA Corporation");
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/NVDA"))
                .willReturn(aResponse().withStatus(500)));
        stooqQuote("nvda.us", 141.5);

        JsonNode quote = ok("/api/v1/quotes/NVDA");

        assertThat(quote.get("provider").asString()).isEqualTo("stooq");
        assertThat(quote.get("price").asDouble()).isEqualTo(141.5);
    }

    @Test
    void test_garbageFromEveryProvider_isA503_andNothingIsCached() {
        listed("GRBG", "Garbage Corp");
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/GRBG"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));
        STUB.stubFor(
                get(urlPathEqualTo("/q/l/"))
                        .withQueryParam("s", equalTo("grbg.us"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "Symbol,Date,Time,Open,High,Low,Close,Volume\r\nGRBG.US,2025-06-11,16:00:00,1,1,1,NaN,1\r\n")));

        HttpTestClient.Answer failed = http.get("/api/v1/quotes/GRBG");

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("type").asString()).isEqualTo("urn:sextant:problem:upstream-unavailable");
        assertThat(failed.header("Retry-After")).isEqualTo("30");
        assertThat(failed.body())
                .contains("\"provider\":\"yahoo\"", "\"outcome\":\"bad_data\"")
                .doesNotContain("Exception");

        yahooQuote("GRBG", 12.5, 12.0);
        assertThat(ok("/api/v1/quotes/GRBG").get("price").asDouble()).isEqualTo(12.5);
    }

    @Test
    void test_unknownSymbols_are404() {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo("QQQZZ"))
                .willReturn(okJson("{\"quotes\":[],\"news\":[]}")));

        HttpTestClient.Answer answer = http.get("/api/v1/quotes/QQQZZ");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:unknown-symbol");
    }

    @Test
    void test_aThousandConcurrentRequestsForAnUncachedSeries_makeOneUpstreamCall_andTheStoreServesItAfterwards()
            throws Exception {
        listed("TSLA", "Tesla, Inc.");
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/TSLA"))
                .withQueryParam("interval", equalTo("1d"))
                .willReturn(okJson(fixture("yahoo-chart-aapl-range.json").replace("AAPL", "TSLA"))
                        .withFixedDelay(300)));
        yahooQuote("TSLA", 326.4, 326.0);
        ok("/api/v1/quotes/TSLA"); // takes TSLA into the catalog
        STUB.resetRequests();
        String path = "/api/v1/bars/TSLA?interval=1d&from=2025-06-06&to=2025-06-10";

        List<Future<HttpTestClient.Answer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                answers.add(clients.submit(() -> http.get(path)));
            }
            for (Future<HttpTestClient.Answer> answer : answers) {
                HttpTestClient.Answer bars = answer.get(60, TimeUnit.SECONDS);
                assertThat(bars.status()).as(bars.body()).isEqualTo(200);
                assertThat(bars.json().get("bars").size()).isEqualTo(3);
            }
        }
        STUB.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/TSLA")));

        JsonNode stored = ok(path);
        assertThat(stored.get("provider").asString()).isEqualTo("yahoo");
        assertThat(stored.get("asOf").asString()).isEqualTo("2025-06-10T00:00:00Z");
        assertThat(stored.get("bars").get(1).get("close").asDouble()).isEqualTo(201.449997);
        STUB.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/TSLA")));

        // A longer range fetches only what lies before the stored span.
        ok("/api/v1/bars/TSLA?interval=1d&from=2025-06-02&to=2025-06-10");
        STUB.verify(2, getRequestedFor(urlPathEqualTo("/v8/finance/chart/TSLA")));
        STUB.verify(getRequestedFor(urlPathEqualTo("/v8/finance/chart/TSLA"))
                .withQueryParam("period1", equalTo("1748822400"))
                .withQueryParam("period2", equalTo("1749168000")));
    }

    @Test
    void test_cryptoAndMacro_comeFromTheirProviders() {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo("BTC-USD"))
                .willReturn(okJson("{\"quotes\":[],\"news\":[]}")));
        STUB.stubFor(
                get(urlPathEqualTo("/api/v3/klines"))
                        .withQueryParam("limit", equalTo("1"))
                        .willReturn(
                                okJson(
                                        "[[1749600000000,\"110263.03\",\"110400.00\",\"108345.00\",\"109501.10\",\"8123.5\",1749686399999,\"1\",1,\"1\",\"1\",\"0\"]]")));
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/BTC-USD"))
                .willReturn(aResponse().withStatus(404)));
        STUB.stubFor(get(urlPathEqualTo("/graph/fredgraph.csv"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(fixture("fred-dgs10.csv"))));

        JsonNode bitcoin = ok("/api/v1/quotes/BTC-USD");
        JsonNode yield = ok("/api/v1/quotes/US10Y");

        assertThat(bitcoin.get("provider").asString()).isEqualTo("binance");
        assertThat(bitcoin.get("price").asDouble()).isEqualTo(109501.10);
        assertThat(yield.get("provider").asString()).isEqualTo("fred");
        assertThat(yield.get("price").asDouble()).isEqualTo(4.49);
        assertThat(yield.get("currency").asString()).isEqualTo("PCT");
        JsonNode instrument = ok("/api/v1/search?q=US10Y").get("results").get(0);
        assertThat(instrument.get("assetClass").asString()).isEqualTo("MACRO");
    }

    @Test
    void test_aUsersProviderKey_isTestedAgainstTheProvider_acceptedOrRefused() {
        STUB.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/.*"))
                .withQueryParam("apiKey", equalTo("pk_good_0123456789abcdef"))
                .willReturn(okJson(fixture("polygon-aggs-aapl-day.json"))));
        STUB.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/.*"))
                .withQueryParam("apiKey", equalTo("pk_bad_0123456789abcdefg"))
                .willReturn(aResponse().withStatus(401).withBody("{\"status\":\"ERROR\"}")));
        String name = "tester-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(name, null, PASSWORD, Set.of(Role.USER), false);
        HttpTestClient anonymous = new HttpTestClient(port);
        HttpTestClient owner = anonymous.withBearer(
                anonymous.login(name, PASSWORD).get("accessToken").asString());
        String good = storedKey(owner, "provider:polygon", "good", "pk_good_0123456789abcdef");
        String bad = storedKey(owner, "provider:polygon", "bad", "pk_bad_0123456789abcdefg");
        String unused = storedKey(owner, "provider:finnhub", "unused", "fh_0123456789abcdef");
        String llm = storedKey(owner, "llm:openai", "chat", "sk-0123456789abcdef");

        HttpTestClient.Answer accepted = testKey(owner, good);
        HttpTestClient.Answer refused = testKey(owner, bad);
        HttpTestClient.Answer notEnabled = testKey(owner, unused);
        HttpTestClient.Answer notAProvider = testKey(owner, llm);
        HttpTestClient.Answer someoneElse = testKey(http, good);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("ok").asBoolean()).isTrue();
        assertThat(accepted.json().get("outcome").asString()).isEqualTo("accepted");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("ok").asBoolean()).isFalse();
        assertThat(refused.json().get("outcome").asString()).isEqualTo("refused");
        STUB.verify(getRequestedFor(urlPathMatching("/v2/aggs/ticker/AAPL/.*"))
                .withQueryParam("apiKey", equalTo("pk_bad_0123456789abcdefg")));
        assertThat(accepted.body() + refused.body()).doesNotContain("0123456789abcdef");
        assertThat(notEnabled.status()).as(notEnabled.body()).isEqualTo(409);
        assertThat(notEnabled.json().get("type").asString()).isEqualTo("urn:sextant:problem:provider-not-enabled");
        assertThat(notAProvider.status()).as(notAProvider.body()).isEqualTo(422);
        assertThat(someoneElse.status()).as("another user's key is not found").isEqualTo(404);
    }

    private static String storedKey(HttpTestClient client, String purpose, String name, String value) {
        HttpTestClient.Answer stored = client.postJson(
                "/api/v1/me/secrets",
                "{\"purpose\":\"" + purpose + "\",\"name\":\"" + name + "\",\"value\":\"" + value + "\"}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.json().get("id").asString();
    }

    private static HttpTestClient.Answer testKey(HttpTestClient client, String id) {
        return client.send(client.request("/api/v1/me/secrets/" + id + "/test")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void test_dataBoughtWithAUsersOwnKey_isServedToThatUserOnly() {
        listed("AMZN", "Amazon.com, Inc.");
        yahooQuote("AMZN", 202.5, 201.0);
        stooqQuote("amzn.us", 202.6);
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/AMZN"))
                .withQueryParam("interval", equalTo("1d"))
                .withQueryParam("period1", equalTo("1749168000"))
                .willReturn(okJson(fixture("yahoo-chart-aapl-range.json").replace("AAPL", "AMZN"))));
        STUB.stubFor(get(urlPathMatching("/v2/aggs/ticker/AMZN/range/1/day/.*"))
                .willReturn(okJson(fixture("polygon-aggs-aapl-day.json").replace("AAPL", "AMZN"))));
        String aliceName = "alice-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(aliceName, null, PASSWORD, Set.of(Role.USER), false);
        HttpTestClient anonymous = new HttpTestClient(port);
        HttpTestClient alice = anonymous.withBearer(
                anonymous.login(aliceName, PASSWORD).get("accessToken").asString());
        String aliceKey = "pk_alice_" + java.util.UUID.randomUUID();
        assertThat(alice.postJson(
                                "/api/v1/me/secrets",
                                "{\"purpose\":\"provider:polygon\",\"name\":\"default\",\"value\":\"" + aliceKey
                                        + "\"}")
                        .status())
                .isEqualTo(201);
        String bars = "/api/v1/bars/AMZN?interval=1d&from=2025-06-06&to=2025-06-10";

        HttpTestClient.Answer aliceQuote = alice.get("/api/v1/quotes/AMZN");
        HttpTestClient.Answer aliceBars = alice.get(bars);
        JsonNode bobQuote = ok("/api/v1/quotes/AMZN");
        JsonNode bobBars = ok(bars);

        assertThat(aliceQuote.json().get("provider").asString()).isEqualTo("polygon");
        assertThat(aliceQuote.json().get("price").asDouble()).isEqualTo(202.67);
        assertThat(aliceBars.json().get("provider").asString()).isEqualTo("polygon");
        // Yahoo's price (Stooq's stub says 202.6): the free primary, as for the bars.
        assertThat(bobQuote.get("provider").asString()).isEqualTo("yahoo");
        assertThat(bobQuote.get("price").asDouble()).isEqualTo(202.5);
        assertThat(bobBars.get("provider").asString()).isEqualTo("yahoo");
        assertThat(bobBars.toString()).doesNotContain("polygon");
        STUB.verify(getRequestedFor(urlPathMatching("/v2/aggs/ticker/AMZN/.*"))
                .withQueryParam("apiKey", equalTo(aliceKey)));
        assertThat(aliceQuote.body() + aliceBars.body()).doesNotContain(aliceKey);
    }

    @Test
    void test_fundamentals_arePointInTime_andFetchedOncePerDay() {
        listed("AAPL", "Apple Inc.");
        STUB.stubFor(get(urlPathEqualTo("/files/company_tickers.json"))
                .willReturn(okJson(fixture("edgar-company-tickers.json"))));
        STUB.stubFor(get(urlPathEqualTo("/api/xbrl/companyfacts/CIK0000320193.json"))
                .willReturn(okJson(fixture("edgar-companyfacts-aapl.json"))));

        JsonNode mid2024 = ok("/api/v1/fundamentals/AAPL?asOf=2024-06-30&concepts=NetIncomeLoss");
        JsonNode today = ok("/api/v1/fundamentals/AAPL?concepts=NetIncomeLoss");

        assertThat(mid2024.get("provider").asString()).isEqualTo("edgar");
        assertThat(mid2024.get("facts"))
                .extracting(f -> f.get("value").asDouble())
                .containsExactly(96995000000d);
        assertThat(today.get("facts"))
                .extracting(f -> f.get("filed").asString())
                .containsExactly("2023-11-03", "2024-11-01");
        assertThat(today.get("asOf").asString()).isEqualTo("2025-06-11");
        STUB.verify(1, getRequestedFor(urlPathEqualTo("/api/xbrl/companyfacts/CIK0000320193.json")));
        // The store keeps both flows a 10-Q reports to the same day (quarter and nine months), by their start.
        JsonNode eps = ok("/api/v1/fundamentals/AAPL?asOf=2024-09-01&concepts=EarningsPerShareDiluted");
        assertThat(eps.get("demo").asBoolean()).isFalse();
        assertThat(eps.get("facts"))
                .extracting(f -> f.get("periodStart").asString() + ".."
                        + f.get("periodEnd").asString() + "=" + f.get("value").asDouble())
                .containsExactlyInAnyOrder(
                        "2022-09-25..2023-09-30=6.13",
                        "2022-09-25..2023-07-01=4.66",
                        "2023-04-02..2023-07-01=1.26",
                        "2023-10-01..2024-06-29=5.11",
                        "2024-03-31..2024-06-29=1.4");
        HttpTestClient.Answer badConcept = http.get("/api/v1/fundamentals/AAPL?concepts=no%20spaces");
        assertThat(badConcept.status()).isEqualTo(400);
        assertThat(badConcept.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-parameter");
        assertThat(badConcept.json().get("parameter").asString()).isEqualTo("concepts");
    }

    @Test
    void test_watchlistSymbols_areWarmed_soTheirQuotesAreCacheHits() {
        listed("WARM", "Warm Industries");
        yahooQuote("WARM", 50.0, 49.0);
        assertThat(http.postJson("/api/v1/me/watchlists", "{\"name\":\"warm\",\"symbols\":[\"WARM\"]}")
                        .status())
                .isEqualTo(201);
        STUB.resetRequests();

        assertThat(warmer.warmOnce()).isGreaterThanOrEqualTo(1);
        JsonNode quote = ok("/api/v1/quotes/WARM");

        assertThat(quote.get("price").asDouble()).isEqualTo(50.0);
        STUB.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/WARM")));
    }

    @Test
    void test_providerStatus_isForAdministrators() {
        HttpTestClient anonymous = new HttpTestClient(port);
        accounts.createAccount("live-admin", null, PASSWORD, Set.of(Role.ADMIN), false);
        HttpTestClient admin = anonymous.withBearer(
                anonymous.login("live-admin", PASSWORD).get("accessToken").asString());
        HttpTestClient.Answer setup = admin.send(admin.request("/api/v1/me/2fa/setup")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        admin.postJson(
                "/api/v1/me/2fa/enable",
                "{\"code\":\"" + TotpCodes.at(setup.json().get("secret").asString(), -1) + "\"}");

        HttpTestClient.Answer status = admin.get("/api/v1/providers");

        assertThat(status.status()).as(status.body()).isEqualTo(200);
        JsonNode providers = status.json().get("providers");
        assertThat(providers)
                .extracting(p -> p.get("id").asString())
                .containsExactly("yahoo", "stooq", "binance", "fred", "polygon", "edgar");
        JsonNode yahoo = providers.get(0);
        assertThat(yahoo.get("circuit").asString()).isIn("closed", "open", "half_open");
        assertThat(yahoo.get("licence").asString()).isEqualTo("shared");
        assertThat(yahoo.get("score").get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(status.json().get("caches").get(0).get("name").asString()).isEqualTo("quotes");
        HttpTestClient.Answer asUser = http.get("/api/v1/providers");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
    }
}
