package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class YahooProviderTest extends ProviderStubTest {

    private final YahooProvider yahoo = new YahooProvider(http(), base());

    @Test
    void test_quote_readsPriceAndPreviousCloseFromTheChartMeta() {
        stub.stubFor(
                get(urlPathEqualTo("/v8/finance/chart/AAPL")).willReturn(okJson(fixture("yahoo-chart-aapl-1d.json"))));

        ProviderQuote quote = yahoo.quote("AAPL", AssetClass.EQUITY, null);

        assertThat(quote.price()).isEqualTo(202.67);
        assertThat(quote.previousClose()).isEqualTo(201.45);
        assertThat(quote.currency()).isEqualTo("USD");
        assertThat(quote.time()).isEqualTo(Instant.ofEpochSecond(1749585601));
    }

    @Test
    void test_dailyBars_areStampedWithTheSessionDateAtMidnightUtc() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(okJson(fixture("yahoo-chart-aapl-range.json"))));

        OhlcvSeries bars = yahoo.bars(
                "AAPL",
                AssetClass.EQUITY,
                BarInterval.ONE_DAY,
                Instant.parse("2025-06-06T00:00:00Z"),
                Instant.parse("2025-06-11T00:00:00Z"),
                null);

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.time(0)).isEqualTo(Instant.parse("2025-06-06T00:00:00Z").getEpochSecond());
        assertThat(bars.time(2)).isEqualTo(Instant.parse("2025-06-10T00:00:00Z").getEpochSecond());
        assertThat(bars.close(1)).isEqualTo(201.449997);
        assertThat(bars.volume(0)).isEqualTo(46607700);
        stub.verify(getRequestedFor(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .withQueryParam("interval", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1d"))
                .withQueryParam("period1", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1749168000")));
    }

    @Test
    void test_emptyMinutes_areSkippedNotInvented() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(okJson(fixture("yahoo-chart-with-nulls.json"))));

        OhlcvSeries bars = yahoo.bars(
                "AAPL",
                AssetClass.EQUITY,
                BarInterval.FIVE_MINUTES,
                Instant.parse("2025-06-10T13:30:00Z"),
                Instant.parse("2025-06-10T14:00:00Z"),
                null);

        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.time(1)).isEqualTo(1749562800);
    }

    @Test
    void test_search_keepsInstrumentsAndDropsOptions() {
        stub.stubFor(get(urlPathEqualTo("/v1/finance/search")).willReturn(okJson(fixture("yahoo-search-app.json"))));

        List<ProviderListing> listings = yahoo.search("APP", null);

        assertThat(listings).extracting(ProviderListing::symbol).containsExactly("AAPL", "APP", "APT21794-USD");
        assertThat(listings.getFirst())
                .isEqualTo(new ProviderListing("yahoo", "AAPL", "Apple Inc.", "NASDAQ", AssetClass.EQUITY, null));
        assertThat(listings.get(2).assetClass()).isEqualTo(AssetClass.CRYPTO);
    }

    @Test
    void test_unknownSymbol_isNotFoundAndDoesNotCountAgainstYahoo() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/ZZZZ"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("yahoo-chart-not-found.json"))));

        assertThatThrownBy(() -> yahoo.quote("ZZZZ", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND);
                    assertThat(f.countsAgainstProvider()).isFalse();
                });
    }

    @Test
    void test_tooManyRequests_isRateLimited() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("Too Many Requests\r\n")));

        assertThatThrownBy(() -> yahoo.quote("AAPL", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
    }

    @Test
    void test_htmlInsteadOfJson_isBadData() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!doctype html><html><body>Will be right back...</body></html>")));

        assertThatThrownBy(() -> yahoo.quote("AAPL", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
    }

    @Test
    void test_negativeOrMissingPrices_areBadData() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL")).willReturn(okJson(fixture("yahoo-chart-nan.json"))));

        assertThatThrownBy(() -> yahoo.bars(
                        "AAPL",
                        AssetClass.EQUITY,
                        BarInterval.ONE_DAY,
                        Instant.parse("2025-06-06T00:00:00Z"),
                        Instant.parse("2025-06-11T00:00:00Z"),
                        null))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA);
                    assertThat(f.getMessage()).contains("bar 1");
                });
    }

    @Test
    void test_serverError_isUnavailable() {
        stub.stubFor(get(urlPathEqualTo("/v8/finance/chart/AAPL"))
                .willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> yahoo.quote("AAPL", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE);
                    assertThat(f.countsAgainstProvider()).isTrue();
                });
    }
}
