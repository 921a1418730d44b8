package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GdeltProviderTest extends ProviderStubTest {

    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    private final GdeltProvider gdelt = new GdeltProvider(
            http(), base(), symbol -> symbol.equals("AAPL") ? Optional.of("Apple Inc.") : Optional.empty());

    @Test
    void test_artlist_seendateAsUtc_domainAsSource_queryByNameOrTicker() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v2/doc/doc")).willReturn(okJson(fixture("news/gdelt-artlist-apple.json"))));

        List<ProviderArticle> news = gdelt.news("AAPL", AssetClass.EQUITY, FROM, TO, 2, null);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://www.reuters.com/technology/apple-shares-rise-after-wwdc-2025-06-10/",
                                "Apple shares rise after WWDC keynote",
                                null,
                                "reuters.com",
                                Instant.parse("2025-06-10T14:30:00Z"),
                                List.of("AAPL"),
                                null),
                        new ProviderArticle(
                                "https://www.theguardian.com/technology/2025/jun/09/apple-wwdc-ai",
                                "Apple bets on privacy as it catches up on AI",
                                null,
                                "theguardian.com",
                                Instant.parse("2025-06-09T20:15:00Z"),
                                List.of("AAPL"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v2/doc/doc"))
                .withQueryParam("query", equalTo("(\"Apple\" OR AAPL)"))
                .withQueryParam("mode", equalTo("artlist"))
                .withQueryParam("format", equalTo("json"))
                .withQueryParam("maxrecords", equalTo("2"))
                .withQueryParam("startdatetime", equalTo("20250606000000"))
                .withQueryParam("enddatetime", equalTo("20250611000000")));
    }

    @Test
    void test_noMatch_isAnsweredWithAnEmptyObject() {
        stub.stubFor(get(urlPathEqualTo("/api/v2/doc/doc")).willReturn(okJson("{}")));

        assertThat(gdelt.news("MSFT", AssetClass.EQUITY, FROM, TO, 10, null)).isEmpty();
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v2/doc/doc")).withQueryParam("query", equalTo("MSFT")));
    }

    @Test
    void test_textRefusals_throttleAndShortTicker() {
        String throttle =
                "Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.";
        stub.stubFor(get(urlPathEqualTo("/api/v2/doc/doc"))
                .willReturn(aResponse().withStatus(429).withBody(throttle)));
        assertThatThrownBy(() -> gdelt.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
        stub.stubFor(get(urlPathEqualTo("/api/v2/doc/doc"))
                .willReturn(aResponse().withStatus(200).withBody(throttle)));
        assertThatThrownBy(() -> gdelt.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
        stub.stubFor(get(urlPathEqualTo("/api/v2/doc/doc"))
                .willReturn(
                        aResponse().withStatus(200).withBody("Your search contained a keyword that was too short.")));
        assertThatThrownBy(() -> gdelt.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND);
                    assertThat(f.countsAgainstProvider()).isFalse();
                });
        stub.stubFor(
                get(urlPathEqualTo("/api/v2/doc/doc")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> gdelt.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE));
        stub.stubFor(
                get(urlPathEqualTo("/api/v2/doc/doc"))
                        .willReturn(
                                okJson(
                                        "{\"articles\":[{\"url\":\"https://a.example/x\",\"title\":\"x\",\"seendate\":\"June 10\"}]}")));
        assertThatThrownBy(() -> gdelt.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));

        stub.resetRequests();
        assertThatThrownBy(() -> gdelt.news("F", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
        assertThat(stub.getAllServeEvents()).isEmpty();
        assertThat(gdelt.profile().needsKey()).isFalse();
    }
}
