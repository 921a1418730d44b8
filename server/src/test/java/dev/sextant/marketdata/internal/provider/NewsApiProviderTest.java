package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewsApiProviderTest extends ProviderStubTest {

    private static final ProviderKey KEY = new ProviderKey("newsapi-key-9f8e7d6c5b4a", UUID.randomUUID());
    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");
    private static final CompanyNames NAMES = symbol -> Optional.ofNullable(
            Map.of("AAPL", "Apple Inc.", "A", "Agilent Technologies, Inc.").get(symbol));

    private final NewsApiProvider newsApi = new NewsApiProvider(http(), base(), NAMES);

    @Test
    void test_everything_byCompanyNameOrTicker_removedArticlesSkipped_keyInHeaderOnly() {
        stub.stubFor(get(urlPathEqualTo("/v2/everything"))
                .willReturn(okJson(fixture("news/newsapi-everything-apple.json"))));

        List<ProviderArticle> news = newsApi.news("AAPL", AssetClass.EQUITY, FROM, TO, 500, KEY);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://9to5mac.com/2025/06/09/wwdc-everything-announced/",
                                "Here's everything Apple announced at WWDC",
                                null,
                                "9to5Mac",
                                Instant.parse("2025-06-09T21:30:00Z"),
                                List.of("AAPL"),
                                null),
                        new ProviderArticle(
                                "https://www.reuters.com/technology/apple-shows-off-ai-powered-siri-2025-06-09/",
                                "Apple shows off AI-powered Siri at developer conference",
                                "Apple on Monday showed a reworked Siri at its annual developer conference.",
                                "Reuters",
                                Instant.parse("2025-06-09T19:12:04Z"),
                                List.of("AAPL"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/v2/everything"))
                .withQueryParam("q", equalTo("\"Apple\" OR \"AAPL\""))
                .withQueryParam("from", equalTo("2025-06-06T00:00:00Z"))
                .withQueryParam("to", equalTo("2025-06-11T00:00:00Z"))
                .withQueryParam("sortBy", equalTo("publishedAt"))
                .withQueryParam("pageSize", equalTo("100"))
                .withQueryParam("apiKey", absent())
                .withHeader("X-Api-Key", equalTo(KEY.value())));
        assertThat(stub.getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY.value()));
    }

    @Test
    void test_nameWithLegalFormAndComma_isSearchedWithoutIt_unknownNameFallsBackToTicker() {
        stub.stubFor(get(urlPathEqualTo("/v2/everything"))
                .willReturn(okJson("{\"status\":\"ok\",\"totalResults\":0,\"articles\":[]}")));

        assertThat(newsApi.news("A", AssetClass.EQUITY, FROM, TO, 10, KEY)).isEmpty();
        assertThat(newsApi.news("MSFT", AssetClass.EQUITY, FROM, TO, 10, KEY)).isEmpty();

        stub.verify(getRequestedFor(urlPathEqualTo("/v2/everything"))
                .withQueryParam("q", equalTo("\"Agilent Technologies\" OR \"A\"")));
        stub.verify(getRequestedFor(urlPathEqualTo("/v2/everything")).withQueryParam("q", equalTo("\"MSFT\"")));
    }

    @Test
    void test_statusErrorBodies_areReadForTheirCode() {
        record Case(int status, String fixture, ProviderFailure.Kind kind) {}
        for (Case c : List.of(
                new Case(401, "news/newsapi-error-key-invalid.json", ProviderFailure.Kind.NO_KEY),
                new Case(429, "news/newsapi-error-rate-limited.json", ProviderFailure.Kind.RATE_LIMITED),
                // The free plan answers a date too far back with 426: the query is refused, the provider is well.
                new Case(426, "news/newsapi-error-too-far-back.json", ProviderFailure.Kind.NOT_FOUND))) {
            stub.stubFor(get(urlPathEqualTo("/v2/everything"))
                    .willReturn(aResponse()
                            .withStatus(c.status())
                            .withHeader("Content-Type", "application/json")
                            .withBody(fixture(c.fixture()))));
            assertThatThrownBy(() -> newsApi.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                    .as(c.fixture())
                    .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(c.kind());
                        assertThat(f.getMessage()).doesNotContain(KEY.value());
                    });
        }
        stub.stubFor(
                get(urlPathEqualTo("/v2/everything")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> newsApi.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE));
        stub.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(okJson("{\"status\":\"ok\"}")));
        assertThatThrownBy(() -> newsApi.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
    }
}
