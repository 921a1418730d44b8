package dev.sextant.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.identity.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Importing a file of bars over HTTP, then reading it back through the ordinary market-data API. */
class ImportHttpTest extends ServerHttpTest {

    private static final String BOUNDARY = "----sextant-test-boundary";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BarStore store;

    private static Answer upload(HttpTestClient client, String symbol, String file) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n" + symbol + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bars.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + BOUNDARY + "--\r\n";
        return client.send(client.request("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private static final String CSV = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,100,102,99,101,101,1000
            2024-01-03,101,104,100,103,103,1200
            2024-01-04,103,103.5,97,98,98,1500
            """;

    @Test
    void test_importedBars_areServedLikeAnyOthers() {
        HttpTestClient analyst = signedInAs(unique("importer"), Role.ANALYST);
        String symbol = "IMP" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();

        Answer imported = upload(analyst, symbol, CSV);
        JsonNode bars = http.get("/api/v1/bars/" + symbol + "?interval=1d&from=2024-01-01&to=2024-01-31")
                .json();
        JsonNode quote = http.get("/api/v1/quotes/" + symbol).json();
        JsonNode weeks = http.get("/api/v1/bars/" + symbol + "?interval=1wk&from=2024-01-01&to=2024-01-31")
                .json();

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("bars").asInt()).isEqualTo(3);
        assertThat(imported.json().get("added").asInt()).isEqualTo(3);
        assertThat(bars.get("provider").asString()).isEqualTo("import");
        assertThat(bars.get("demo").asBoolean()).isFalse();
        assertThat(bars.get("bars")).extracting(b -> b.get("close").asDouble()).containsExactly(101.0, 103.0, 98.0);
        assertThat(quote.get("price").asDouble()).isEqualTo(98.0);
        assertThat(quote.get("change").asDouble()).isEqualTo(-5.0);
        assertThat(quote.get("demo").asBoolean()).isFalse();
        assertThat(weeks.get("bars")).hasSize(1);
        assertThat(weeks.get("bars").get(0).get("high").asDouble()).isEqualTo(104.0);
        assertThat(http.get("/api/v1/search?q=" + symbol)
                        .json()
                        .get("results")
                        .get(0)
                        .get("providers")
                        .toString())
                .isEqualTo("[\"import\"]");
    }

    @Test
    void test_reimport_addsNothingAndRestatementsKeepHistory() {
        HttpTestClient analyst = signedInAs(unique("restater"), Role.ANALYST);
        String symbol = "RST" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        upload(analyst, symbol, CSV);
        Answer again = upload(analyst, symbol, CSV);
        Instant firstKnown = FixedClockConfiguration.NOW;

        // A restatement of the last close, learned one second later (the test clock stands still).
        store.write(
                symbol,
                BarInterval.ONE_DAY,
                OhlcvSeries.builder(1)
                        .add(Instant.parse("2024-01-04T00:00:00Z").getEpochSecond(), 103, 103.5, 97, 99, 1500)
                        .build(),
                "import",
                firstKnown.plusSeconds(1));

        long rows = jdbc.sql("SELECT COUNT(*) FROM bar WHERE symbol = :s")
                .param("s", symbol)
                .query(Long.class)
                .single();
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("restated").asInt()).isZero();
        assertThat(rows)
                .as("nothing overwritten: 3 originals and 1 restatement")
                .isEqualTo(4);
        assertThat(store.read(symbol, BarInterval.ONE_DAY, 0, Long.MAX_VALUE / 4, firstKnown)
                        .close(2))
                .as("as known at the import")
                .isEqualTo(98.0);
        assertThat(store.read(symbol, BarInterval.ONE_DAY, 0, Long.MAX_VALUE / 4, firstKnown.plusSeconds(1))
                        .close(2))
                .as("as restated")
                .isEqualTo(99.0);
        assertThat(store.read(symbol, BarInterval.ONE_DAY, 0, Long.MAX_VALUE / 4, firstKnown.minusSeconds(1))
                        .size())
                .as("before the import nothing was known")
                .isZero();
    }

    @Test
    void test_badImports_storeNothing() {
        HttpTestClient analyst = signedInAs(unique("sloppy-importer"), Role.ANALYST);
        String symbol = "BAD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();

        Answer broken =
                upload(analyst, symbol, "Date,Open,High,Low,Close\n2024-01-02,1,2,1,1.5\n2024-01-03,x,2,1,1,\n");
        Answer taken = upload(analyst, "AAPL", CSV);
        Answer asUser = upload(http, symbol, CSV);
        Answer badSymbol = upload(analyst, "NO SPACES", CSV);

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-import-file");
        assertThat(broken.json().get("line").asInt()).isEqualTo(3);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(badSymbol.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bar WHERE symbol = :s")
                        .param("s", symbol)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(http.get("/api/v1/quotes/" + symbol).status()).isEqualTo(404);
    }
}
