package dev.sextant.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.events.BarsStored;
import dev.sextant.marketdata.events.ImportFinished;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an import over HTTP tells the rest of the server: the bar store's write, then the finished
 * import, each once and with the values the import's answer has; nothing for a refused import and
 * nothing for a demo quote, which is computed, not fetched.
 */
class ImportEventsHttpTest extends ServerHttpTest {

    private static final String BOUNDARY = "----sextant-events-boundary";
    private static final String CSV = """
            Date,Open,High,Low,Close,Volume
            2024-01-02,100,102,99,101,1000
            2024-01-03,101,104,100,103,1200
            2024-01-04,103,103.5,97,98,1500
            """;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    BarStore store;

    @Autowired
    TransactionTemplate transaction;

    private RecordedMarketDataEvents events;
    private UserId importer;
    private HttpTestClient analyst;

    @BeforeEach
    void record() {
        events = RecordedMarketDataEvents.on(context);
        String username = unique("event-importer");
        importer = accounts.createAccount(username, null, PASSWORD, Set.of(Role.ANALYST), false);
        analyst = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    private Answer upload(String symbol, String file) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n" + symbol + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bars.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + BOUNDARY + "--\r\n";
        return analyst.send(analyst.request("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private static String newSymbol() {
        return "EVT" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    @Test
    void test_anImport_publishesTheStoredBarsThenTheFinishedImport_once() {
        String symbol = newSymbol();

        Answer imported = upload(symbol, CSV);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Instant knownAt = FixedClockConfiguration.NOW;
        assertThat(imported.json().get("knownAt").asString()).isEqualTo(knownAt.toString());
        assertThat(events.about(symbol))
                .containsExactly(
                        new BarsStored(
                                symbol,
                                BarInterval.ONE_DAY,
                                Instant.parse("2024-01-02T00:00:00Z"),
                                Instant.parse("2024-01-04T00:00:00Z"),
                                3,
                                3,
                                0,
                                "import",
                                knownAt,
                                Optional.empty()),
                        new ImportFinished(symbol, importer, BarInterval.ONE_DAY, 3, 3, 0, knownAt));
    }

    @Test
    void test_aReimport_storesNothing_butFinishes_andARestatementStoresOneBar() {
        String symbol = newSymbol();
        upload(symbol, CSV);
        int before = events.about(symbol).size();

        Answer same = upload(symbol, CSV);
        Answer restated = upload(symbol, CSV.replace("2024-01-04,103,103.5,97,98", "2024-01-04,103,103.5,97,99"));

        assertThat(same.status()).as(same.body()).isEqualTo(201);
        assertThat(restated.status()).as(restated.body()).isEqualTo(201);
        assertThat(restated.json().get("restated").asInt()).isEqualTo(1);
        Instant knownAt = Instant.parse(restated.json().get("knownAt").asString());
        Instant day = Instant.parse("2024-01-04T00:00:00Z");
        assertThat(events.about(symbol).subList(before, events.about(symbol).size()))
                .containsExactly(
                        new ImportFinished(symbol, importer, BarInterval.ONE_DAY, 3, 0, 0, FixedClockConfiguration.NOW),
                        new BarsStored(
                                symbol, BarInterval.ONE_DAY, day, day, 1, 0, 1, "import", knownAt, Optional.empty()),
                        new ImportFinished(symbol, importer, BarInterval.ONE_DAY, 3, 0, 1, knownAt));
    }

    @Test
    void test_storedBars_arePublishedOnlyOnceTheirTransactionCommits() {
        String symbol = newSymbol();
        Instant day = Instant.parse("2024-02-01T00:00:00Z");
        OhlcvSeries bar = OhlcvSeries.builder(1)
                .add(day.getEpochSecond(), 1, 2, 1, 1.5, 10)
                .build();
        UserId keyOwner = UserId.random();
        String scope = "user:" + keyOwner;

        transaction.executeWithoutResult(status -> {
            store.write(symbol, BarInterval.ONE_DAY, scope, bar, "yahoo", FixedClockConfiguration.NOW);
            status.setRollbackOnly();
        });
        assertThat(events.about(symbol)).as("rolled back: nothing happened").isEmpty();

        transaction.executeWithoutResult(status -> {
            store.write(symbol, BarInterval.ONE_DAY, scope, bar, "yahoo", FixedClockConfiguration.NOW);
            assertThat(events.about(symbol)).as("not before the commit").isEmpty();
        });
        assertThat(events.about(symbol))
                .containsExactly(new BarsStored(
                        symbol,
                        BarInterval.ONE_DAY,
                        day,
                        day,
                        1,
                        1,
                        0,
                        "yahoo",
                        FixedClockConfiguration.NOW,
                        Optional.of(keyOwner)));
    }

    @Test
    void test_aRefusedImport_publishesNothing() {
        String symbol = newSymbol();

        Answer refused = upload(symbol, "Date,Open,High,Low,Close\n2024-01-02,100,99,101,100\n");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(events.about(symbol)).isEmpty();
    }

    @Test
    void test_demoQuotes_areComputed_andPublishNothing() {
        Answer quote = http.get("/api/v1/quotes/AAPL");

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.json().get("demo").asBoolean()).isTrue();
        assertThat(events.about("AAPL")).isEmpty();
    }
}
