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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** News from the keyed providers that also serve prices: Alpha Vantage, Polygon and FMP, in their wire formats. */
class KeyedProvidersNewsTest extends ProviderStubTest {

    private static final ProviderKey KEY = new ProviderKey("news-key-0123456789", UUID.randomUUID());
    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    private final AlphaVantageProvider alphaVantage = new AlphaVantageProvider(http(), base(), CLOCK);
    private final PolygonProvider polygon = new PolygonProvider(http(), base(), CLOCK);
    private final FmpProvider fmp = new FmpProvider(http(), base());

    @Test
    void test_alphaVantage_newsSentiment_perTickerScore_newYorkClock_windowApplied() {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("NEWS_SENTIMENT"))
                .willReturn(okJson(fixture("news/alphavantage-news-aapl.json"))));

        List<ProviderArticle> news = alphaVantage.news("AAPL", AssetClass.EQUITY, FROM, TO, 50, KEY);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://www.benzinga.com/news/25/06/45871234/apple-unveils-new-siri-features-at-wwdc",
                                "Apple Unveils New Siri Features At WWDC",
                                "Apple Inc. showed developers a reworked Siri and on-device models at its annual conference.",
                                "Benzinga",
                                // 14:30 on New York's clock (EDT, UTC-4).
                                Instant.parse("2025-06-10T18:30:00Z"),
                                List.of("AAPL", "MSFT"),
                                0.334),
                        new ProviderArticle(
                                "https://www.fool.com/investing/2025/06/09/crypto-treasuries-big-tech/",
                                "Crypto Treasuries And Big Tech: Who Holds Bitcoin?",
                                "Which large companies hold bitcoin on their balance sheet.",
                                "Motley Fool",
                                Instant.parse("2025-06-09T13:15:00Z"),
                                List.of("AAPL", "BTC-USD"),
                                -0.412));
        stub.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("tickers", equalTo("AAPL"))
                .withQueryParam("time_from", equalTo("20250605T2000"))
                .withQueryParam("time_to", equalTo("20250610T2000"))
                .withQueryParam("sort", equalTo("LATEST"))
                .withQueryParam("limit", equalTo("50"))
                // Alpha Vantage takes its key in the query only.
                .withQueryParam("apikey", equalTo(KEY.value())));
    }

    @Test
    void test_alphaVantage_throttleAndInvalidInputBodies_withStatus200() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(fixture("alphavantage-rate-limit.json"))));
        assertThatThrownBy(() -> alphaVantage.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
                    assertThat(f.getMessage()).doesNotContain(KEY.value());
                });

        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson("{\"Note\": \"Thank you for using Alpha Vantage! Our standard API call frequency"
                        + " is 5 calls per minute and 500 calls per day.\"}")));
        assertThatThrownBy(() -> alphaVantage.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));

        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson(fixture("news/alphavantage-news-invalid-inputs.json"))));
        assertThatThrownBy(() -> alphaVantage.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND);
                    assertThat(f.countsAgainstProvider()).isFalse();
                });
    }

    @Test
    void test_alphaVantage_answerWithoutFeed_isBadData_andNoKeyMeansNoCall() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("{\"items\": \"0\"}")));
        assertThatThrownBy(() -> alphaVantage.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
        stub.resetRequests();

        assertThatThrownBy(() -> alphaVantage.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThatThrownBy(() -> polygon.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThatThrownBy(() -> fmp.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void test_polygon_referenceNews_insightSentimentForTheTicker_keyInHeaderNotUrl() {
        stub.stubFor(
                get(urlPathEqualTo("/v2/reference/news")).willReturn(okJson(fixture("news/polygon-news-aapl.json"))));

        List<ProviderArticle> news = polygon.news("AAPL", AssetClass.EQUITY, FROM, TO, 5000, KEY);

        assertThat(news)
                .extracting(ProviderArticle::title)
                .containsExactly(
                        "Apple and Berkshire lead gains as markets price in Fed cuts",
                        "Is Apple Stock a Sell After Its Slide?",
                        "Apple Developer Conference Schedule Announced");
        ProviderArticle first = news.getFirst();
        assertThat(first.url())
                .isEqualTo("https://www.investing.com/news/stock-market-news/apple-and-berkshire-lead-gains-3559968");
        assertThat(first.source()).isEqualTo("Investing.com");
        assertThat(first.summary()).isEqualTo("Shares of Apple rose as traders priced in rate cuts.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-06-10T18:33:53Z"));
        assertThat(first.symbols()).containsExactly("AAPL", "BRK-B");
        assertThat(news).extracting(ProviderArticle::sentiment).containsExactly(1.0, -1.0, null);
        stub.verify(getRequestedFor(urlPathEqualTo("/v2/reference/news"))
                .withQueryParam("ticker", equalTo("AAPL"))
                .withQueryParam("published_utc.gte", equalTo("2025-06-06T00:00:00Z"))
                .withQueryParam("published_utc.lte", equalTo("2025-06-11T00:00:00Z"))
                .withQueryParam("order", equalTo("desc"))
                // 5000 asked, capped.
                .withQueryParam("limit", equalTo(String.valueOf(NewsArticles.MAX_LIMIT)))
                .withQueryParam("apiKey", absent())
                .withHeader("Authorization", equalTo("Bearer " + KEY.value())));
        assertThat(stub.getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY.value()));
    }

    @Test
    void test_polygon_unknownKey_isKeyRefused_andRateLimit_isRateLimited() {
        stub.stubFor(get(urlPathEqualTo("/v2/reference/news"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("news/polygon-news-unknown-key.json"))));
        assertThatThrownBy(() -> polygon.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY);
                    assertThat(f.reason()).contains("key refused").doesNotContain(KEY.value());
                });

        stub.stubFor(get(urlPathEqualTo("/v2/reference/news"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("polygon-rate-limit.json"))));
        assertThatThrownBy(() -> polygon.news("AAPL", AssetClass.EQUITY, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
        assertThatThrownBy(() -> polygon.news("BTC-USD", AssetClass.CRYPTO, FROM, TO, 10, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
    }

    @Test
    void test_fmp_stockNews_newYorkClock_noSentiment() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v3/stock_news")).willReturn(okJson(fixture("news/fmp-stock-news-aapl.json"))));

        List<ProviderArticle> news = fmp.news("AAPL", AssetClass.EQUITY, FROM, TO, 20, KEY);

        assertThat(news)
                .containsExactly(
                        new ProviderArticle(
                                "https://www.reuters.com/technology/apple-ai-push-wwdc-mixed-reviews-2025-06-10/",
                                "Apple's AI Push at WWDC Draws Mixed Reviews",
                                "Apple unveiled updates to its software and AI features on Monday, but analysts were divided.",
                                "reuters.com",
                                Instant.parse("2025-06-10T14:15:00Z"),
                                List.of("AAPL"),
                                null),
                        new ProviderArticle(
                                "https://www.cnbc.com/2025/06/06/apple-stock-slips-ahead-of-wwdc.html",
                                "Apple Stock Slips Ahead of Developer Conference",
                                "Shares of Apple fell on Friday.",
                                "cnbc.com",
                                Instant.parse("2025-06-06T20:45:12Z"),
                                List.of("AAPL"),
                                null));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v3/stock_news"))
                .withQueryParam("tickers", equalTo("AAPL"))
                .withQueryParam("from", equalTo("2025-06-05"))
                .withQueryParam("to", equalTo("2025-06-10"))
                .withQueryParam("limit", equalTo("20"))
                .withQueryParam("apikey", equalTo(KEY.value())));
    }

    @Test
    void test_fmp_limitReachBody_isRateLimited_and5xx_isUnavailable() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v3/stock_news")).willReturn(okJson(fixture("news/fmp-limit-reach.json"))));
        assertThatThrownBy(() -> fmp.news("AAPL", AssetClass.EQUITY, FROM, TO, 20, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));

        stub.stubFor(
                get(urlPathEqualTo("/api/v3/stock_news")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> fmp.news("AAPL", AssetClass.EQUITY, FROM, TO, 20, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE);
                    assertThat(f.getMessage()).doesNotContain(KEY.value());
                });
    }
}
