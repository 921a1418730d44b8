package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import org.junit.jupiter.api.Test;

class BinanceProviderTest extends ProviderStubTest {

    private final BinanceProvider binance = new BinanceProvider(http(), base(), CLOCK);

    @Test
    void test_klines_becomeBarsInTheirOwnTimes() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson(fixture("binance-klines-btc-1d.json"))));

        OhlcvSeries bars = binance.bars(
                "BTC-USD",
                AssetClass.CRYPTO,
                BarInterval.ONE_DAY,
                Instant.parse("2025-06-07T00:00:00Z"),
                Instant.parse("2025-06-10T00:00:00Z"),
                null);

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.time(0)).isEqualTo(Instant.parse("2025-06-07T00:00:00Z").getEpochSecond());
        assertThat(bars.close(2)).isEqualTo(110263.02);
        assertThat(bars.volume(1)).isEqualTo(11089.18271);
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v3/klines"))
                .withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("startTime", equalTo("1749254400000")));
    }

    @Test
    void test_longRanges_arePagedByThousandKlines() {
        StringBuilder page = new StringBuilder("[");
        long start = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < BinanceProvider.KLINES_PER_CALL; i++) {
            long t = start + i * 60_000L;
            page.append(i == 0 ? "" : ",")
                    .append("[")
                    .append(t)
                    .append(",\"100\",\"101\",\"99\",\"100.5\",\"2.5\",")
                    .append(t + 59_999)
                    .append(",\"250\",10,\"1\",\"100\",\"0\"]");
        }
        page.append("]");
        long second = start + BinanceProvider.KLINES_PER_CALL * 60_000L;
        stub.stubFor(get(urlPathEqualTo("/api/v3/klines"))
                .withQueryParam("startTime", equalTo(String.valueOf(start)))
                .willReturn(okJson(page.toString())));
        stub.stubFor(get(urlPathEqualTo("/api/v3/klines"))
                .withQueryParam("startTime", equalTo(String.valueOf(start + 999 * 60_000L + 1)))
                .willReturn(okJson("[[" + second + ",\"100\",\"102\",\"99\",\"101\",\"3\"," + (second + 59_999)
                        + ",\"300\",5,\"1\",\"100\",\"0\"]]")));

        OhlcvSeries bars = binance.bars(
                "BTC-USD",
                AssetClass.CRYPTO,
                BarInterval.ONE_MINUTE,
                Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(second + 60_000),
                null);

        assertThat(bars.size()).isEqualTo(BinanceProvider.KLINES_PER_CALL + 1);
        assertThat(bars.time(bars.size() - 1)).isEqualTo(second / 1000);
    }

    @Test
    void test_quote_isTodaysCloseAgainstTheUtcDaysOpen() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v3/klines"))
                        .withQueryParam("limit", equalTo("1"))
                        .willReturn(
                                okJson(
                                        "[[1749600000000,\"110263.03\",\"110400.00\",\"108345.00\",\"109501.10\",\"8123.5\",1749686399999,\"1\",1,\"1\",\"1\",\"0\"]]")));

        ProviderQuote quote = binance.quote("BTC-USD", AssetClass.CRYPTO, null);

        assertThat(quote.price()).isEqualTo(109501.10);
        assertThat(quote.previousClose()).isEqualTo(110263.03);
        assertThat(quote.time()).isEqualTo(CLOCK.instant());
    }

    @Test
    void test_invalidSymbolAndBans_areToldApart() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/klines"))
                .withQueryParam("symbol", equalTo("ZZZUSDT"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
        stub.stubFor(get(urlPathEqualTo("/api/v3/klines"))
                .withQueryParam("symbol", equalTo("ETHUSDT"))
                .willReturn(aResponse().withStatus(418).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> binance.quote("ZZZ-USD", AssetClass.CRYPTO, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
        assertThatThrownBy(() -> binance.quote("ETH-USD", AssetClass.CRYPTO, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
        assertThat(binance.providerSymbol("AAPL", AssetClass.EQUITY)).isEmpty();
    }

    @Test
    void test_negativeVolume_isBadData() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v3/klines"))
                        .willReturn(
                                okJson(
                                        "[[1749254400000,\"1\",\"2\",\"0.5\",\"1.5\",\"-3\",1749340799999,\"1\",1,\"1\",\"1\",\"0\"]]")));

        assertThatThrownBy(() -> binance.bars(
                        "BTC-USD",
                        AssetClass.CRYPTO,
                        BarInterval.ONE_DAY,
                        Instant.parse("2025-06-07T00:00:00Z"),
                        Instant.parse("2025-06-08T00:00:00Z"),
                        null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.BAD_DATA));
    }
}
