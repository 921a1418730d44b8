package dev.sextant.marketdata.internal.live;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.marketdata.AssetClass;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.catalog.InstrumentRepository;
import dev.sextant.marketdata.internal.provider.ProviderArticle;
import dev.sextant.marketdata.internal.provider.ProviderFailure;
import dev.sextant.marketdata.internal.provider.ProviderProfile.Capability;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.LoopbackStub;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The news sources are registered like every provider: named in {@code sextant.providers.enabled},
 * their base URLs and server keys from the settings, and the text-searched ones finding a company's
 * name in the instrument catalog. Every URL points at a loopback stub: no test reaches the internet.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/news-wiring-${random.uuid}",
            "sextant.providers.enabled=edgar,gdelt,yahoo-rss,nasdaq-rss,finnhub,newsapi,alphavantage,polygon,fmp",
            "sextant.providers.keys.finnhub=server-finnhub-key-0001",
            "sextant.providers.keys.newsapi=server-newsapi-key-0002",
            "sextant.providers.warm-watchlists=false"
        })
@Import(FixedClockConfiguration.class)
class NewsProvidersWiringTest {

    private static final WireMockServer STUB = LoopbackStub.started();
    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    @Autowired
    Arbitrator arbitrator;

    @Autowired
    InstrumentRepository instruments;

    @DynamicPropertySource
    static void providersAtTheStub(DynamicPropertyRegistry registry) {
        for (String url : List.of(
                "edgar",
                "edgar-data",
                "gdelt",
                "yahoo-rss",
                "nasdaq-rss",
                "finnhub",
                "newsapi",
                "alphavantage",
                "polygon",
                "fmp")) {
            registry.add("sextant.providers.urls." + url, STUB::baseUrl);
        }
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    @Test
    void test_everyNewsSource_isEnabledByName_withItsTerms() {
        Map<String, Boolean> needsKey = arbitrator.providers().stream()
                .filter(p -> p.profile().can(Capability.NEWS, AssetClass.EQUITY))
                .collect(
                        Collectors.toMap(p -> p.profile().id(), p -> p.profile().needsKey()));

        assertThat(needsKey)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "edgar", false,
                        "gdelt", false,
                        "yahoo-rss", false,
                        "nasdaq-rss", false,
                        "finnhub", true,
                        "newsapi", true,
                        "alphavantage", true,
                        "polygon", true,
                        "fmp", true));
        assertThat(arbitrator.anyCan(Capability.NEWS, "AAPL", AssetClass.EQUITY))
                .isTrue();
    }

    @Test
    void test_serverKey_fromTheSettings_reachesFinnhubInItsHeader() {
        STUB.stubFor(get(urlPathEqualTo("/api/v1/company-news"))
                .willReturn(okJson("[{\"category\":\"company\",\"datetime\":1749560700,\"headline\":\"Apple rises\","
                        + "\"id\":1,\"image\":\"\",\"related\":\"AAPL\",\"source\":\"Yahoo\",\"summary\":\"\","
                        + "\"url\":\"https://finnhub.io/api/news?id=1\"}]")));

        List<ProviderArticle> news = callOnly("finnhub");

        assertThat(news).extracting(ProviderArticle::title).containsExactly("Apple rises");
        STUB.verify(getRequestedFor(urlPathEqualTo("/api/v1/company-news"))
                .withHeader("X-Finnhub-Token", equalTo("server-finnhub-key-0001")));
    }

    @Test
    void test_textSearchedSources_useTheCatalogsCompanyName() {
        instruments.put(
                new Instrument("ZZNEWS", "Zeta News Holdings, Inc.", "NASDAQ", AssetClass.EQUITY, "USD", "test", false),
                Instant.parse("2025-06-01T00:00:00Z"));
        STUB.stubFor(get(urlPathEqualTo("/v2/everything"))
                .willReturn(okJson("{\"status\":\"ok\",\"totalResults\":0,\"articles\":[]}")));

        assertThat(callOnly("newsapi", "ZZNEWS")).isEmpty();

        STUB.verify(getRequestedFor(urlPathEqualTo("/v2/everything"))
                .withQueryParam("q", equalTo("\"Zeta News\" OR \"ZZNEWS\""))
                .withHeader("X-Api-Key", equalTo("server-newsapi-key-0002")));
    }

    private List<ProviderArticle> callOnly(String id) {
        return callOnly(id, "AAPL");
    }

    /**
     * One provider's news through the arbitration (its guard, the key it resolves for the provider):
     * the others decline as "not carried", which does not count against them.
     */
    private List<ProviderArticle> callOnly(String id, String symbol) {
        return arbitrator
                .first(Capability.NEWS, symbol, AssetClass.EQUITY, null, "news of " + symbol, (provider, key) -> {
                    if (!provider.id().equals(id)) {
                        throw new ProviderFailure(provider.id(), ProviderFailure.Kind.NOT_FOUND, "not under test");
                    }
                    return provider.news(symbol, AssetClass.EQUITY, FROM, TO, 10, key);
                })
                .value();
    }
}
