package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alpha Vantage, Financial Modeling Prep and Polygon: the providers that need the user's own key. */
class KeyedProvidersTest extends ProviderStubTest {

    private static final ProviderKey KEY = new ProviderKey("test-key-0123456789", UUID.randomUUID());
    private static final Instant FROM = Instant.parse("2025-06-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-11T00:00:00Z");

    private final AlphaVantageProvider alphaVantage = new AlphaVantageProvider(http(), base(), CLOCK);
    private final FmpProvider fmp = new FmpProvider(http(), base());
    private final PolygonProvider polygon = new PolygonProvider(http(), base(), CLOCK);

    @Test
    void test_withoutAKey_noCallIsMade() {
        assertThatThrownBy(() -> alphaVantage.quote("IBM", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThatThrownBy(() -> fmp.quote("AAPL", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThatThrownBy(() -> polygon.bars("AAPL", AssetClass.EQUITY, BarInterval.ONE_DAY, FROM, TO, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY));
        assertThat(stub.getAllServeEvents()).isEmpty();
        assertThat(KEY.toString()).doesNotContain(KEY.value());
    }

    @Test
    void test_alphaVantage_quoteAndDailyBars() {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("GLOBAL_QUOTE"))
                .willReturn(okJson(fixture("alphavantage-global-quote-ibm.json"))));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson(fixture("alphavantage-daily-ibm.json"))));

        ProviderQuote quote = alphaVantage.quote("IBM", AssetClass.EQUITY, KEY);
        OhlcvSeries bars = alphaVantage.bars("IBM", AssetClass.EQUITY, BarInterval.ONE_DAY, FROM, TO, KEY);

        assertThat(quote.price()).isEqualTo(265.68);
        assertThat(quote.previousClose()).isEqualTo(268.87);
        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.time(0)).isEqualTo(FROM.getEpochSecond());
        assertThat(bars.close(2)).isEqualTo(265.68);
        stub.verify(getRequestedFor(urlPathEqualTo("/query")).withQueryParam("apikey", equalTo(KEY.value())));
    }

    @Test
    void test_alphaVantage_rateLimitNoteWithStatus200_isRateLimited() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(fixture("alphavantage-rate-limit.json"))));

        assertThatThrownBy(() -> alphaVantage.quote("IBM", AssetClass.EQUITY, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
                    assertThat(f.getMessage()).doesNotContain(KEY.value());
                });
    }

    @Test
    void test_fmp_quoteAndNewestFirstHistory() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/quote/AAPL")).willReturn(okJson(fixture("fmp-quote-aapl.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v3/historical-price-full/AAPL"))
                .willReturn(okJson(fixture("fmp-historical-aapl.json"))));

        ProviderQuote quote = fmp.quote("AAPL", AssetClass.EQUITY, KEY);
        OhlcvSeries bars = fmp.bars("AAPL", AssetClass.EQUITY, BarInterval.ONE_DAY, FROM, TO, KEY);

        assertThat(quote.price()).isEqualTo(202.67);
        assertThat(quote.previousClose()).isEqualTo(201.45);
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.close(0)).isEqualTo(201.45);
        assertThat(bars.close(1)).isEqualTo(202.67);
    }

    @Test
    void test_fmp_refusedKey_isNoKey_withoutTheKeyInTheMessage() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/quote/AAPL"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"Error Message\":\"Invalid API KEY. Feel free to create a Free API Key.\"}")));

        assertThatThrownBy(() -> fmp.quote("AAPL", AssetClass.EQUITY, KEY))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NO_KEY);
                    assertThat(f.getMessage()).doesNotContain(KEY.value());
                });
    }

    @Test
    void test_polygon_dailyAggregates_andQuoteFromTheLastTwoDays() {
        stub.stubFor(get(urlPathMatching("/v2/aggs/ticker/AAPL/range/1/day/.*"))
                .willReturn(okJson(fixture("polygon-aggs-aapl-day.json"))));

        OhlcvSeries bars = polygon.bars("AAPL", AssetClass.EQUITY, BarInterval.ONE_DAY, FROM, TO, KEY);
        ProviderQuote quote = polygon.quote("AAPL", AssetClass.EQUITY, KEY);

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.time(0)).isEqualTo(FROM.getEpochSecond());
        assertThat(quote.price()).isEqualTo(202.67);
        assertThat(quote.previousClose()).isEqualTo(201.45);
        assertThat(polygon.providerSymbol("BTC-USD", AssetClass.CRYPTO)).contains("X:BTCUSD");
        assertThat(polygon.providerSymbol("^GSPC", AssetClass.INDEX)).contains("I:SPX");
    }

    @Test
    void test_polygon_rateLimit_isRateLimited() {
        stub.stubFor(get(urlPathMatching("/v2/aggs/ticker/.*"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("polygon-rate-limit.json"))));

        assertThatThrownBy(() -> polygon.bars("AAPL", AssetClass.EQUITY, BarInterval.ONE_DAY, FROM, TO, KEY))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
    }
}
