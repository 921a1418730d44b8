package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.sextant.marketdata.AssetClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FinnhubProviderTest extends ProviderStubTest {

    private static final ProviderKey KEY = new ProviderKey("finnhub-key-abcdef012345", UUID.randomUUID());
    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    private final FinnhubProvider finnhub = new FinnhubProvider(http(), base());

    @Test
    void test_companyNews_epochSecondTimes_relatedTickers_keyInHeaderOnly() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/company-news"))
                .willReturn(okJson(fixture("news/finnhub-company-news-aapl.json"))));

        List<ProviderArticle> news = finnhub.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://finnhub.io/api/news?id=5b6a5f3d0c1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3",
                                "Apple stock gains as WWDC keynote lays out AI roadmap",
                                "Apple shares rose after the company laid out its AI plans at its developer conference.",
                                "Yahoo",
                                Instant.parse("2025-06-10T13:05:00Z"),
                                List.of("AAPL"),
                                null),
                        new ProviderArticle(
                                "https://finnhub.io/api/news?id=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
                                "Berkshire trims Apple stake again, filing shows",
                                null,
                                "MarketWatch",
                                Instant.parse("2025-06-08T21:40:00Z"),
                                List.of("AAPL", "BRK-B"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v1/company-news"))
                .withQueryParam("symbol", equalTo("AAPL"))
                .withQueryParam("from", equalTo("2025-06-06"))
                .withQueryParam("to", equalTo("2025-06-10"))
                .withHeader("X-Finnhub-Token", equalTo(KEY.value())));
        assertThat(stub.getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY.value()));
        assertThat(finnhub.news("AAPL", AssetClass.EQUITY, FROM, TO, 1, KEY))
                .extracting(ProviderArticle::title)
                .containsExactly("Apple stock gains as WWDC keynote lays out AI roadmap");
    }

    @Test
    void test_shareClassTicker_isAskedInFinnhubsSpelling() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/company-news")).willReturn(okJson("[]")));

        assertThat(finnhub.news("BRK-B", AssetClass.EQUITY, FROM, TO, 10, KEY)).isEmpty();
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v1/company-news")).withQueryParam("symbol", equalTo("BRK.B")));
    }

    @Test
    void test_failures_haveTheirKinds_andNeverTheKey() {
        record Case(int status, String body, ProviderFailure.Kind kind) {}
        for (Case c : List.of(
                new Case(401, "{\"error\":\"Invalid API key\"}", ProviderFailure.Kind.NO_KEY),
                new Case(403, "{\"error\":\"You don't have access to this resource.\"}", ProviderFailure.Kind.NO_KEY),
                new Case(
                        429,
                        "{\"error\":\"API limit reached. Please try again later. Remaining Limit: 0\"}",
                        ProviderFailure.Kind.RATE_LIMITED),
                new Case(
                        200,
                        "{\"error\":\"API limit reached. Please try again later. Remaining Limit: 0\"}",
                        ProviderFailure.Kind.RATE_LIMITED),
                new Case(502, "<html>Bad Gateway</html>", ProviderFailure.Kind.UNAVAILABLE),
                new Case(200, "<html>maintenance</html>", ProviderFailure.Kind.BAD_DATA),
                new Case(
                        200,
                        "[{\"headline\":\"x\",\"url\":\"https://a.example/x\",\"datetime\":\"soon\"}]",
                        ProviderFailure.Kind.BAD_DATA))) {
            stub.stubFor(get(urlPathEqualTo("/api/v1/company-news"))
                    .willReturn(aResponse()
                            .withStatus(c.status())
                            .withHeader("Content-Type", "application/json")
                            .withBody(c.body())));
            assertThatThrownBy(() -> finnhub.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                    .as("status %d, body %s", c.status(), c.body())
                    .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(c.kind());
                        assertThat(f.getMessage()).doesNotContain(KEY.value());
                    });
        }
        stub.stubFor(get(urlPathEqualTo("/api/v1/company-news"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> finnhub.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE));
        stub.stubFor(get(urlPathEqualTo("/api/v1/company-news"))
                .willReturn(okJson("[]").withFixedDelay(2_000)));
        FinnhubProvider impatient = new FinnhubProvider(http(Duration.ofMillis(300)), base());
        assertThatThrownBy(() -> impatient.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE);
                    assertThat(f.reason()).contains("timed out");
                });
        assertThatThrownBy(() -> finnhub.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThat(finnhub.profile().can(ProviderProfile.Capability.NEWS, AssetClass.EQUITY))
                .isTrue();
        assertThat(finnhub.profile().needsKey()).isTrue();
    }
}
