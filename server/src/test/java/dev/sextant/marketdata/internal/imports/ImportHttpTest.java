package dev.sextant.marketdata.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.internal.store.BarStore;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
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
        return upload(client, symbol, file, Map.of());
    }

    private static Answer upload(HttpTestClient client, String symbol, String file, Map<String, String> fields) {
        StringBuilder parts = new StringBuilder();
        fields.forEach((name, value) -> parts.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        String body = parts + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\n"
                + symbol + "\r\n"
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
        assertThat(quote.get("changePercent").asDouble()).isCloseTo(-5.0 / 103.0 * 100, within(1e-4));
        assertThat(weeks.get("bars")).hasSize(1);
        // The three days as one week: the first open, the highest high, the lowest low, the last close, the sum.
        JsonNode week = weeks.get("bars").get(0);
        assertThat(week.get("open").asDouble()).isEqualTo(100.0);
        assertThat(week.get("high").asDouble()).isEqualTo(104.0);
        assertThat(week.get("low").asDouble()).isEqualTo(97.0);
        assertThat(week.get("close").asDouble()).isEqualTo(98.0);
        assertThat(week.get("volume").asLong()).isEqualTo(1000 + 1200 + 1500);
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
    void test_aRestatementAtTheSameInstant_replacesTheVersion_insteadOfFailing() {
        HttpTestClient analyst = signedInAs(unique("same-instant"), Role.ANALYST);
        String symbol = newSymbol("SMI");
        Answer first = upload(analyst, symbol, CSV);

        // The test clock stands still: the restatement arrives at the very instant of the import.
        Answer restated =
                upload(analyst, symbol, CSV.replace("2024-01-04,103,103.5,97,98,98", "2024-01-04,103,103.5,97,99,99"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(restated.status()).as(restated.body()).isEqualTo(201);
        assertThat(restated.json().get("restated").asInt()).isEqualTo(1);
        assertThat(restated.json().get("knownAt").asString())
                .isEqualTo(first.json().get("knownAt").asString());
        assertThat(price(symbol)).as("the later word wins").isEqualTo(99.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bar WHERE symbol = :s")
                        .param("s", symbol)
                        .query(Long.class)
                        .single())
                .as("one version per bar and instant")
                .isEqualTo(3);
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
        assertThat(taken.json().get("type").asString()).isEqualTo("urn:sextant:problem:symbol-taken");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().get("type").asString())
                .as("importing is for analysts and administrators")
                .isEqualTo("urn:sextant:problem:forbidden");
        assertThat(badSymbol.status()).isEqualTo(400);
        assertThat(badSymbol.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-parameter");
        assertThat(badSymbol.json().get("parameter").asString()).isEqualTo("symbol");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bar WHERE symbol = :s")
                        .param("s", symbol)
                        .query(Long.class)
                        .single())
                .isZero();
        Answer quote = http.get("/api/v1/quotes/" + symbol);
        assertThat(quote.status()).isEqualTo(404);
        assertThat(quote.json().get("type").asString()).isEqualTo("urn:sextant:problem:unknown-symbol");
    }

    /** One more day than {@link #CSV}: a later import under the same symbol (the test clock stands still,
     * so a restatement would be known at the same instant as what it restates). */
    private static final String EXTENDED_CSV = CSV + "2024-01-05,98,99,49,50,50,1800\n";

    private static String newSymbol(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    private double price(String symbol) {
        return http.get("/api/v1/quotes/" + symbol).json().get("price").asDouble();
    }

    @Test
    void test_anImport_belongsToItsOwner_othersGet409() {
        String ownerName = unique("owner");
        HttpTestClient owner = signedInAs(ownerName, Role.ANALYST);
        HttpTestClient other = signedInAs(unique("other"), Role.ANALYST);
        String symbol = newSymbol("OWN");
        upload(owner, symbol, CSV);

        Answer intruder = upload(other, symbol, EXTENDED_CSV);
        double afterIntruder = price(symbol);
        Answer again = upload(owner, symbol, EXTENDED_CSV);

        assertThat(intruder.status()).as(intruder.body()).isEqualTo(409);
        assertThat(intruder.header("Content-Type")).startsWith("application/problem+json");
        assertThat(intruder.json().get("type").asString()).isEqualTo("urn:sextant:problem:import-owned");
        assertThat(intruder.json().get("symbol").asString()).isEqualTo(symbol);
        assertThat(intruder.json().get("detail").asString())
                .contains(symbol, "owned by another account")
                .doesNotContain(ownerName);
        assertThat(intruder.body()).doesNotContain(ownerName);
        assertThat(afterIntruder).as("the intruder changed nothing").isEqualTo(98.0);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("added").asInt()).isEqualTo(1);
        assertThat(price(symbol)).as("the owner may import again").isEqualTo(50.0);
    }

    @Test
    void test_anAdministrator_overridesOnlyWhenAsked_andTheOverrideIsAudited() {
        String ownerName = unique("owned");
        HttpTestClient owner = signedInAs(ownerName, Role.ANALYST);
        HttpTestClient admin = signedInAs(unique("import-admin"), Role.ADMIN);
        String ownerId = owner.get("/api/v1/me").json().get("id").asString();
        String symbol = newSymbol("ADM");
        upload(owner, symbol, CSV);

        Answer unasked = upload(admin, symbol, EXTENDED_CSV);
        Answer overridden = upload(admin, symbol, EXTENDED_CSV, Map.of("override", "true"));
        JsonNode events = admin.get("/api/v1/admin/audit?type=IMPORT_OVERRIDDEN&size=500")
                .json()
                .get("events");
        Answer ownerAgain = upload(owner, symbol, CSV);

        assertThat(unasked.status()).as(unasked.body()).isEqualTo(409);
        assertThat(unasked.json().get("detail").asString()).contains("override=true");
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
        assertThat(overridden.json().get("added").asInt()).isEqualTo(1);
        JsonNode event = null;
        for (JsonNode candidate : events) {
            if (symbol.equals(candidate.get("subject").asString())) {
                event = candidate;
            }
        }
        assertThat(event).as("an IMPORT_OVERRIDDEN event for " + symbol).isNotNull();
        assertThat(event.get("details").get("owner").asString()).isEqualTo(ownerId);
        assertThat(event.get("actor").asString())
                .isEqualTo(admin.get("/api/v1/me").json().get("id").asString());
        assertThat(ownerAgain.status())
                .as("the override leaves the owner as it was")
                .isEqualTo(201);
        assertThat(upload(signedInAs(unique("bystander"), Role.ANALYST), symbol, CSV, Map.of("override", "true"))
                        .status())
                .as("override means nothing from an analyst")
                .isEqualTo(409);
    }

    @Test
    void test_anImportWithoutOwner_isReplacedOnlyByAnAdministrator() {
        // As imports were stored before owners were kept: an instrument and bars, no owner row.
        String symbol = newSymbol("OLD");
        jdbc.sql("INSERT INTO instrument (symbol, name, exchange, asset_class, currency, provider, demo, created_at) "
                        + "VALUES (:s, :s, 'IMPORT', 'EQUITY', 'USD', 'import', FALSE, CURRENT_TIMESTAMP)")
                .param("s", symbol)
                .update();
        store.write(
                symbol,
                BarInterval.ONE_DAY,
                OhlcvSeries.builder(1)
                        .add(Instant.parse("2024-01-02T00:00:00Z").getEpochSecond(), 10, 11, 9, 10, 100)
                        .build(),
                "import",
                FixedClockConfiguration.NOW.minusSeconds(60));

        Answer analyst = upload(signedInAs(unique("claimer"), Role.ANALYST), symbol, CSV);
        Answer admin = upload(signedInAs(unique("legacy-admin"), Role.ADMIN), symbol, CSV, Map.of("override", "true"));

        assertThat(analyst.status()).as(analyst.body()).isEqualTo(409);
        assertThat(analyst.json().get("type").asString()).isEqualTo("urn:sextant:problem:import-owned");
        assertThat(analyst.json().get("detail").asString()).contains(symbol, "no account owns it");
        assertThat(admin.status()).as(admin.body()).isEqualTo(201);
    }

    @Test
    void test_twoAnalystsRacingForANewSymbol_oneOwnsIt() throws Exception {
        HttpTestClient first = signedInAs(unique("racer-a"), Role.ANALYST);
        HttpTestClient second = signedInAs(unique("racer-b"), Role.ANALYST);
        String symbol = newSymbol("RCE");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> upload(first, symbol, CSV));
            var b = pool.submit(() -> upload(second, symbol, EXTENDED_CSV));
            assertThat(java.util.List.of(a.get().status(), b.get().status()))
                    .as(a.get().body() + " / " + b.get().body())
                    .containsExactlyInAnyOrder(201, 409);
        }
    }

    @Test
    void test_barsFromTheFuture_areRefusedAtImport() {
        HttpTestClient analyst = signedInAs(unique("time-traveller"), Role.ANALYST);
        String daily = newSymbol("FUT");
        String intraday = newSymbol("FUM");

        Answer farFuture = upload(analyst, daily, CSV + "9999-12-31,98,99,97,98.5,98.5,1000\n");
        Answer tomorrowInTokyo = upload(analyst, daily, CSV + "2025-06-12,98,99,97,98.5,98.5,1000\n");
        Answer minuteBars = upload(
                analyst,
                intraday,
                "time,open,high,low,close\n2025-06-11T14:59:00Z,1,2,1,1.5\n2025-06-11T15:05:00Z,1,2,1,1.5\n",
                Map.of("interval", "1m"));

        assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(400);
        assertThat(farFuture.header("Content-Type")).startsWith("application/problem+json");
        assertThat(farFuture.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-import-file");
        assertThat(farFuture.json().get("line").asInt()).isEqualTo(5);
        assertThat(farFuture.json().get("date").asString()).isEqualTo("9999-12-31");
        assertThat(farFuture.json().get("detail").asString()).contains("line 5", "9999-12-31", "future");
        assertThat(tomorrowInTokyo.status())
                .as("at 15:00 UTC it is already June 12 in Tokyo: " + tomorrowInTokyo.body())
                .isEqualTo(201);
        assertThat(minuteBars.status()).as(minuteBars.body()).isEqualTo(400);
        assertThat(minuteBars.json().get("line").asInt()).isEqualTo(3);
        assertThat(minuteBars.json().get("date").asString()).isEqualTo("2025-06-11T15:05:00Z");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bar WHERE symbol = :s")
                        .param("s", intraday)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void test_aFutureBarAlreadyStored_neverBecomesTheQuote() {
        HttpTestClient analyst = signedInAs(unique("stored-future"), Role.ANALYST);
        String symbol = newSymbol("SFB");
        upload(analyst, symbol, CSV);
        upload(
                analyst,
                symbol,
                "time,open,high,low,close\n2025-06-11T13:00:00Z,98,99,97,98\n",
                Map.of("interval", "1h"));
        // As stored before imports refused them: straight into the bar store.
        long farFuture = Instant.parse("9999-12-31T00:00:00Z").getEpochSecond();
        store.write(
                symbol,
                BarInterval.ONE_DAY,
                OhlcvSeries.builder(1).add(farFuture, 1e6, 1e6, 1e6, 1e6, 1).build(),
                "import",
                FixedClockConfiguration.NOW);
        long inAnHour = FixedClockConfiguration.NOW.plusSeconds(3600).getEpochSecond();
        store.write(
                symbol,
                BarInterval.ONE_HOUR,
                OhlcvSeries.builder(1).add(inAnHour, 1e6, 1e6, 1e6, 1e6, 1).build(),
                "import",
                FixedClockConfiguration.NOW);

        JsonNode quote = http.get("/api/v1/quotes/" + symbol).json();
        JsonNode days = http.get("/api/v1/bars/" + symbol + "?interval=1d&from=2024-01-01&to=2099-12-31")
                .json();
        JsonNode months = http.get("/api/v1/bars/" + symbol + "?interval=1mo&from=2024-01-01&to=2099-12-31")
                .json();
        JsonNode hours = http.get("/api/v1/bars/" + symbol + "?interval=1h&from=2025-06-11&to=2025-06-12")
                .json();

        assertThat(quote.get("price").asDouble()).isEqualTo(98.0);
        assertThat(quote.get("time").asString()).isEqualTo("2024-01-04T00:00:00Z");
        assertThat(days.get("bars")).as(days.toString()).hasSize(3);
        assertThat(months.get("bars").toString()).doesNotContain("1000000");
        assertThat(hours.get("bars")).as(hours.toString()).hasSize(1);
        assertThat(hours.get("bars").get(0).get("close").asDouble()).isEqualTo(98.0);
    }
}
