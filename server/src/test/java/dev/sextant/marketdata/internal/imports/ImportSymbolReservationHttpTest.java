package dev.sextant.marketdata.internal.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.LoopbackStub;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An import never takes a symbol another source serves or would serve: with the demo market off
 * and a real provider (Yahoo, replayed by a WireMock stub) on, the demo market's symbols and the
 * provider's stay theirs, an unknown one may be imported, and an outage refuses the import
 * rather than letting it take a symbol unchecked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/import-reserved-${random.uuid}",
            "sextant.demo.enabled=false",
            "sextant.providers.enabled=yahoo",
            "sextant.providers.circuit-failure-rate=100",
            "sextant.providers.warm-watchlists=false",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000"
        })
@Import(FixedClockConfiguration.class)
class ImportSymbolReservationHttpTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static final String BOUNDARY = "----sextant-test-boundary";
    private static final String CSV = "Date,Open,High,Low,Close\n2024-01-02,10,11,9,10.5\n";
    private static final WireMockServer STUB = LoopbackStub.started();

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    private static String token;
    private HttpTestClient analyst;

    @DynamicPropertySource
    static void yahooAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("sextant.providers.urls.yahoo", STUB::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        STUB.stop();
    }

    @BeforeEach
    void signIn() {
        HttpTestClient anonymous = new HttpTestClient(port);
        if (token == null) {
            accounts.createAccount("reserved-analyst", null, PASSWORD, Set.of(Role.ANALYST), false);
            token = anonymous
                    .login("reserved-analyst", PASSWORD)
                    .get("accessToken")
                    .asString();
        }
        analyst = anonymous.withBearer(token);
    }

    private Answer upload(String symbol) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n" + symbol + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bars.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + BOUNDARY + "--\r\n";
        return analyst.send(analyst.request("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private long storedBars(String symbol) {
        return jdbc.sql("SELECT COUNT(*) FROM bar WHERE symbol = :s")
                .param("s", symbol)
                .query(Long.class)
                .single();
    }

    @Test
    void test_aDemoSymbol_isNeverImported_evenWithTheDemoMarketOff() {
        Answer answer = upload("AAPL");

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:symbol-taken");
        assertThat(answer.json().get("detail").asString()).contains("AAPL", "demo market", "AAPL.IMP");
        assertThat(storedBars("AAPL")).isZero();
    }

    @Test
    void test_aSymbolARealProviderKnows_isNeverImported() {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo("LSTD"))
                .willReturn(okJson("{\"quotes\":[{\"exchange\":\"NMS\",\"shortname\":\"Listed Inc.\","
                        + "\"quoteType\":\"EQUITY\",\"symbol\":\"LSTD\",\"longname\":\"Listed Inc.\","
                        + "\"exchDisp\":\"NASDAQ\"}],\"news\":[]}")));

        Answer answer = upload("LSTD");

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:symbol-taken");
        assertThat(answer.json().get("detail").asString()).contains("real market-data providers");
        assertThat(storedBars("LSTD")).isZero();
    }

    @Test
    void test_aSymbolNoProviderKnows_isImported() {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo("MYOWN"))
                .willReturn(okJson("{\"quotes\":[],\"news\":[]}")));
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/MYOWN"))
                .willReturn(aResponse().withStatus(404)));

        Answer answer = upload("MYOWN");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(storedBars("MYOWN")).isEqualTo(1);
    }

    @Test
    void test_whenTheProvidersCannotBeAsked_theImportIsRefused() {
        STUB.stubFor(get(urlPathEqualTo("/v1/finance/search"))
                .withQueryParam("q", equalTo("OUTAGE"))
                .willReturn(aResponse().withStatus(500)));
        STUB.stubFor(get(urlPathEqualTo("/v8/finance/chart/OUTAGE"))
                .willReturn(aResponse().withStatus(500)));

        Answer answer = upload("OUTAGE");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:upstream-unavailable");
        assertThat(storedBars("OUTAGE")).isZero();
    }
}
