package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StooqProviderTest extends ProviderStubTest {

    private final StooqProvider stooq = new StooqProvider(http(), base());

    @Test
    void test_symbols_mapToStooqNames() {
        assertThat(stooq.providerSymbol("AAPL", AssetClass.EQUITY)).contains("aapl.us");
        assertThat(stooq.providerSymbol("VOD.L", AssetClass.EQUITY)).contains("vod.uk");
        assertThat(stooq.providerSymbol("7203.T", AssetClass.EQUITY)).contains("7203.jp");
        assertThat(stooq.providerSymbol("^GSPC", AssetClass.INDEX)).contains("^spx");
        assertThat(stooq.providerSymbol("BTC-USD", AssetClass.CRYPTO)).contains("btcusd");
        assertThat(stooq.providerSymbol("^UNKNOWN", AssetClass.INDEX)).isEmpty();
        assertThat(stooq.providerSymbol("US10Y", AssetClass.MACRO)).isEmpty();
    }

    @Test
    void test_dailyCsv_becomesBars() {
        stub.stubFor(get(urlPathEqualTo("/q/d/l/"))
                .willReturn(
                        aResponse().withHeader("Content-Type", "text/csv").withBody(fixture("stooq-aapl-daily.csv"))));

        OhlcvSeries bars = stooq.bars(
                "AAPL",
                AssetClass.EQUITY,
                BarInterval.ONE_DAY,
                Instant.parse("2025-06-06T00:00:00Z"),
                Instant.parse("2025-06-11T00:00:00Z"),
                null);

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.time(0)).isEqualTo(Instant.parse("2025-06-06T00:00:00Z").getEpochSecond());
        assertThat(bars.high(1)).isEqualTo(206);
        assertThat(bars.volume(2)).isEqualTo(54672608);
        stub.verify(getRequestedFor(urlPathEqualTo("/q/d/l/"))
                .withQueryParam("s", equalTo("aapl.us"))
                .withQueryParam("d1", equalTo("20250606"))
                .withQueryParam("d2", equalTo("20250610")));
    }

    @Test
    void test_quoteCsv_isReadInWarsawTime() {
        stub.stubFor(
                get(urlPathEqualTo("/q/l/"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/csv")
                                        .withBody(
                                                "Symbol,Date,Time,Open,High,Low,Close,Volume\r\nAAPL.US,2025-06-10,22:00:09,200.6,204.35,200.57,202.67,54672608\r\n")));

        ProviderQuote quote = stooq.quote("AAPL", AssetClass.EQUITY, null);

        assertThat(quote.price()).isEqualTo(202.67);
        assertThat(quote.previousClose()).isNaN();
        // Stooq's quote CSV names no currency: the instrument's own applies, never a guessed USD.
        assertThat(quote.currency()).isNull();
        assertThat(quote.time()).isEqualTo(Instant.parse("2025-06-10T20:00:09Z"));
    }

    @Test
    void test_unknownSymbolAndLimits_areTold() {
        stub.stubFor(
                get(urlPathEqualTo("/q/l/"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "Symbol,Date,Time,Open,High,Low,Close,Volume\r\nZZZZ.US,N/D,N/D,N/D,N/D,N/D,N/D,N/D\r\n")));
        stub.stubFor(get(urlPathEqualTo("/q/d/l/")).willReturn(aResponse().withBody("Exceeded the daily hits limit")));

        assertThatThrownBy(() -> stooq.quote("ZZZZ", AssetClass.EQUITY, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
        assertThatThrownBy(() -> stooq.bars(
                        "AAPL",
                        AssetClass.EQUITY,
                        BarInterval.ONE_DAY,
                        Instant.EPOCH,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
    }

    @Test
    void test_outOfOrderRows_areBadData() {
        stub.stubFor(
                get(urlPathEqualTo("/q/d/l/"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "Date,Open,High,Low,Close,Volume\n2025-06-10,200.6,204.35,200.57,202.67,1\n2025-06-09,204.39,206,200.02,201.45,1\n")));

        assertThatThrownBy(() -> stooq.bars(
                        "AAPL",
                        AssetClass.EQUITY,
                        BarInterval.ONE_DAY,
                        Instant.EPOCH,
                        Instant.parse("2025-07-01T00:00:00Z"),
                        null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
    }
}
