package dev.sextant.marketdata.internal.newsdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.LoopbackStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * News end to end on the real adapters, replayed by a WireMock stub in their wire formats: a
 * keyless source (Yahoo's headline RSS) for everyone, a BYOK source (Finnhub) for the user whose
 * vault holds a key and for no one else, each article scored and stored once, point in time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/news-live-${random.uuid}",
            "sextant.demo.enabled=false",
            "sextant.providers.enabled=yahoo-rss,finnhub",
            "sextant.providers.timeout=5s",
            "sextant.providers.warm-watchlists=false",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000"
        })
@Import(FixedClockConfiguration.class)
class NewsOnLiveProvidersHttpTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final WireMockServer STUB = LoopbackStub.started();

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    InstrumentRepository instruments;

    @DynamicPropertySource
    static void providersAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("sextant.providers.urls.yahoo-rss", STUB::baseUrl);
        registry.add("sextant.providers.urls.finnhub", STUB::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    private static String fixture(String name) {
        try (InputStream in = NewsOnLiveProvidersHttpTest.class.getResourceAsStream("/providers/news/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpTestClient user(String name) {
        accounts.createAccount(name, null, PASSWORD, Set.of(Role.USER), false);
        HttpTestClient anonymous = new HttpTestClient(port);
        return anonymous.withBearer(
                anonymous.login(name, PASSWORD).get("accessToken").asString());
    }

    private static JsonNode ok(HttpTestClient http, String path) {
        HttpTestClient.Answer answer = http.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> field(JsonNode news, String name) {
        List<String> values = new ArrayList<>();
        news.get("items").forEach(item -> values.add(item.get(name).asString()));
        return values;
    }

    @Test
    void test_keylessForEveryone_byokForItsOwnerOnly_scoredStoredOnce_pointInTime() {
        instruments.put(
                new Instrument("AAPL", "Apple Inc.", "NASDAQ", AssetClass.EQUITY, "USD", "market", false),
                FixedClockConfiguration.NOW);
        STUB.stubFor(get(urlPathEqualTo("/rss/2.0/headline"))
                .withQueryParam("s", equalTo("AAPL"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(fixture("yahoo-headline-aapl.xml"))));
        STUB.stubFor(get(urlPathEqualTo("/api/v1/company-news"))
                .withQueryParam("symbol", equalTo("AAPL"))
                .willReturn(okJson(fixture("finnhub-company-news-aapl.json"))));
        HttpTestClient bob = user("news-bob");
        HttpTestClient alice = user("news-alice");
        String aliceKey = "fh_alice_" + UUID.randomUUID();
        assertThat(alice.postJson(
                                "/api/v1/me/secrets",
                                "{\"purpose\":\"provider:finnhub\",\"name\":\"default\",\"value\":\"" + aliceKey
                                        + "\"}")
                        .status())
                .isEqualTo(201);

        JsonNode bobs = ok(bob, "/api/v1/news/AAPL");
        JsonNode alices = ok(alice, "/api/v1/news/AAPL");
        JsonNode bobsAgain = ok(bob, "/api/v1/news/AAPL");

        assertThat(bobs.get("items").size()).isPositive();
        assertThat(field(bobs, "provider")).containsOnly("yahoo-rss");
        assertThat(field(bobs, "headline")).contains("Apple's WWDC: AI & Siri updates analysed");
        assertThat(field(bobs, "url")).noneMatch(url -> url.startsWith("javascript:"));
        assertThat(field(alices, "provider")).contains("yahoo-rss", "finnhub");
        assertThat(field(alices, "headline")).contains("Apple stock gains as WWDC keynote lays out AI roadmap");
        assertThat(field(bobsAgain, "headline"))
                .as("Alice's key's articles stay hers")
                .doesNotContain("Apple stock gains as WWDC keynote lays out AI roadmap");
        assertThat(field(alices, "scorer")).containsOnly("sextant-lexicon-1");
        for (JsonNode item : alices.get("items")) {
            assertThat(item.get("demo").asBoolean()).isFalse();
            assertThat(item.get("knownAt").asString()).isEqualTo(FixedClockConfiguration.NOW.toString());
        }
        assertThat(field(alices, "id")).doesNotHaveDuplicates();
        List<String> outcomes = new ArrayList<>();
        alices.get("provenance")
                .get("providers")
                .forEach(p -> outcomes.add(
                        p.get("provider").asString() + ":" + p.get("outcome").asString()));
        assertThat(outcomes).containsExactlyInAnyOrder("yahoo-rss:answered", "finnhub:answered");
        STUB.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/company-news"))
                        .withHeader("X-Finnhub-Token", equalTo(aliceKey)));
        assertThat(alices.toString() + bobs).doesNotContain(aliceKey);
        STUB.verify(2, getRequestedFor(urlPathEqualTo("/rss/2.0/headline")));

        assertThat(ok(alice, "/api/v1/news/AAPL?asOf=2025-06-10").get("items").size())
                .as("stored on the 11th: unknown on the 10th")
                .isZero();
    }
}
