package dev.sextant.marketdata.internal.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.AssetClass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoinGeckoProviderTest extends ProviderStubTest {

    private final CoinGeckoProvider gecko = new CoinGeckoProvider(http(), base());

    @Test
    void test_quote_derivesThePreviousPriceFromThe24HourChange() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/simple/price"))
                .willReturn(okJson(
                        "{\"bitcoin\":{\"usd\":110250.5,\"usd_24h_change\":4.3,\"last_updated_at\":1749510000}}")));

        ProviderQuote quote = gecko.quote("BTC-USD", AssetClass.CRYPTO, null);

        assertThat(quote.price()).isEqualTo(110250.5);
        assertThat(quote.previousClose()).isCloseTo(110250.5 / 1.043, within(1e-6));
        assertThat(quote.time()).isEqualTo(Instant.ofEpochSecond(1749510000));
    }

    @Test
    void test_pricePoints_becomeDailyBars() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/coins/bitcoin/market_chart/range"))
                .willReturn(okJson(fixture("coingecko-market-chart-btc.json"))));

        OhlcvSeries bars = gecko.bars(
                "BTC-USD",
                AssetClass.CRYPTO,
                BarInterval.ONE_DAY,
                Instant.parse("2025-06-07T00:00:00Z"),
                Instant.parse("2025-06-10T00:00:00Z"),
                null);

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.open(0)).isEqualTo(104288.1);
        assertThat(bars.high(0)).isEqualTo(105211.4);
        assertThat(bars.close(0)).isEqualTo(105211.4);
        assertThat(bars.close(2)).isEqualTo(110250.5);
        assertThat(bars.volume(2)).isEqualTo(56800000000.1);
    }

    @Test
    void test_rateLimitBody_isRateLimited_andUnknownCoinsAreNotCarried() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v3/simple/price"))
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"status\":{\"error_code\":429,\"error_message\":\"You've exceeded the Rate Limit.\"}}")));

        assertThatThrownBy(() -> gecko.quote("ETH-USD", AssetClass.CRYPTO, null))
                .isInstanceOfSatisfying(
                        ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED));
        assertThat(gecko.providerSymbol("ZZZQ-USD", AssetClass.CRYPTO)).isEmpty();
    }

    @Test
    void test_search_findsCoinsItCanPrice() {
        stub.stubFor(
                get(urlPathEqualTo("/api/v3/search"))
                        .willReturn(
                                okJson(
                                        "{\"coins\":[{\"id\":\"solana\",\"name\":\"Solana\",\"api_symbol\":\"solana\",\"symbol\":\"SOL\",\"market_cap_rank\":6},"
                                                + "{\"id\":\"solana-name-service\",\"name\":\"Solana Name Service\",\"symbol\":\"SNS\",\"market_cap_rank\":2001}],\"exchanges\":[],\"categories\":[]}")));

        assertThat(gecko.search("sol", null))
                .containsExactly(
                        new ProviderListing("coingecko", "SOL-USD", "Solana USD", "CCC", AssetClass.CRYPTO, "USD"));
    }
}
