package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FredProviderTest extends ProviderStubTest {

    private final FredProvider fred = new FredProvider(http(), base(), CLOCK);

    @Test
    void test_graphCsv_becomesFlatBars_skippingMissingDays() {
        stub.stubFor(get(urlPathEqualTo("/graph/fredgraph.csv"))
                .withQueryParam("id", equalTo("DGS10"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(fixture("fred-dgs10.csv"))));

        OhlcvSeries values = fred.bars(
                "US10Y",
                AssetClass.MACRO,
                BarInterval.ONE_DAY,
                Instant.parse("2025-06-02T00:00:00Z"),
                Instant.parse("2025-06-11T00:00:00Z"),
                null);

        assertThat(values.size()).isEqualTo(6);
        assertThat(values.close(5)).isEqualTo(4.49);
        assertThat(values.open(5))
                .isEqualTo(values.high(5))
                .isEqualTo(values.low(5))
                .isEqualTo(4.49);
        assertThat(values.volume(0)).isZero();
    }

    @Test
    void test_quote_isTheLatestValueAgainstTheOneBefore() {
        stub.stubFor(get(urlPathEqualTo("/graph/fredgraph.csv"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(fixture("fred-dgs10.csv"))));

        ProviderQuote quote = fred.quote("US10Y", AssetClass.MACRO, null);

        assertThat(quote.price()).isEqualTo(4.49);
        assertThat(quote.previousClose()).isEqualTo(4.51);
        assertThat(quote.currency()).isEqualTo("PCT");
        assertThat(quote.time()).isEqualTo(Instant.parse("2025-06-09T00:00:00Z"));
    }

    @Test
    void test_macroSymbols_areKnown_othersAreNot() {
        assertThat(fred.providerSymbol("CPI", AssetClass.MACRO)).contains("CPIAUCSL");
        assertThat(fred.providerSymbol("VIX", AssetClass.MACRO)).contains("VIXCLS");
        assertThat(fred.providerSymbol("AAPL", AssetClass.EQUITY)).isEmpty();
        assertThat(fred.search("yield", null))
                .extracting(ProviderListing::symbol)
                .contains("US10Y", "US2Y");
    }

    @Test
    void test_anErrorPage_isBadData() {
        stub.stubFor(get(urlPathEqualTo("/graph/fredgraph.csv"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><title>Error</title></html>")));

        assertThatThrownBy(() -> fred.quote("CPI", AssetClass.MACRO, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
    }
}
