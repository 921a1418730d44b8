package dev.sextant.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.marketdata.events.QuoteRefreshed;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.LoopbackStub;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A quote fetched from a provider (Yahoo, replayed by a WireMock stub on the loopback) is news once:
 * the fetch publishes one {@link QuoteRefreshed}, the reads the quote cache answers publish none.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/quote-events-${random.uuid}",
            "sextant.demo.enabled=false",
            "sextant.providers.enabled=yahoo",
            "sextant.providers.timeout=5s",
            "sextant.providers.warm-watchlists=false",
            "sextant.ratelimit.market-data-per-minute=1000000"
        })
@Import(FixedClockConfiguration.class)
class QuoteEventsHttpTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final WireMockServer STUB = LoopbackStub.started();

    @LocalServerPort
    int port;

    @Autowired
    dev.sextant.identity.AccountAdministration accounts;

    @Autowired
    ConfigurableApplicationContext context;

    @DynamicPropertySource
    static void yahooAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("sextant.providers.urls.yahoo", STUB::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    @Test
    void test_aFetchedQuote_publishesOneQuoteRefreshed_andCachedReadsNone() {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo("EVQ"))
                .willReturn(okJson("{\"quotes\":[{\"exchange\":\"NMS\",\"shortname\":\"Event Quote Inc.\","
                        + "\"quoteType\":\"EQUITY\",\"symbol\":\"EVQ\",\"longname\":\"Event Quote Inc.\","
                        + "\"exchDisp\":\"NASDAQ\"}],\"news\":[]}")));
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/EVQ"))
                .withQueryParam("range", equalTo("1d"))
                .willReturn(okJson("{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"EVQ\","
                        + "\"exchangeTimezoneName\":\"America/New_York\",\"regularMarketPrice\":202.67,"
                        + "\"chartPreviousClose\":201.45,\"regularMarketTime\":1749653940},"
                        + "\"timestamp\":[1749648600],\"indicators\":{\"quote\":[{}]}}],\"error\":null}}")));
        HttpTestClient anonymous = new HttpTestClient(port);
        accounts.createAccount("quote-events", null, PASSWORD, Set.of(Role.USER), false);
        HttpTestClient http = anonymous.withBearer(
                anonymous.login("quote-events", PASSWORD).get("accessToken").asString());

        try (RecordedMarketDataEvents events = RecordedMarketDataEvents.on(context)) {
            HttpTestClient.Answer first = http.get("/api/v1/quotes/EVQ");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(events.about("EVQ"))
                    .containsExactly(new QuoteRefreshed(
                            "EVQ", 202.67, Instant.ofEpochSecond(1749653940), "yahoo", false, Optional.empty()));

            HttpTestClient.Answer cached = http.get("/api/v1/quotes/EVQ");
            HttpTestClient.Answer batch = http.get("/api/v1/quotes?symbols=EVQ");

            assertThat(cached.status()).as(cached.body()).isEqualTo(200);
            assertThat(batch.status()).as(batch.body()).isEqualTo(200);
            assertThat(cached.json().get("price").asDouble()).isEqualTo(202.67);
            STUB.verify(1, getRequestedFor(urlPathEqualTo("/v8/finance/chart/EVQ")));
            assertThat(events.about("EVQ")).as("the cache answered: no news").hasSize(1);
        }
    }
}
