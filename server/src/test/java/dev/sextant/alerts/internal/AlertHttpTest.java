package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Alerts over real HTTP: stored by TRACK, listed, paused, resumed, deleted, their owner's only. */
class AlertHttpTest extends ServerHttpTest {

    private final List<HttpTestClient> users = new ArrayList<>();

    /** A user of this test, whose alerts are deleted after it. */
    private HttpTestClient user(String name) {
        HttpTestClient user = signedInAs(unique(name), Role.USER);
        users.add(user);
        return user;
    }

    /**
     * The server is shared by the suite: an alert left active keeps its symbol's quote feed running,
     * which other tests' subscribers would join (and, the clock being fixed, hear nothing new from).
     */
    @AfterEach
    void deleteAlerts() {
        for (HttpTestClient user : users) {
            for (JsonNode alert : user.get("/api/v1/alerts").json().get("alerts")) {
                delete(user, "/api/v1/alerts/" + alert.get("id").asString());
            }
        }
    }

    private static String problemType(Answer answer) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json().get("type").asString().replace("urn:sextant:problem:", "");
    }

    private static Answer track(HttpTestClient client, String statement) {
        return client.postJson(
                "/api/v1/alerts",
                "{\"query\":" + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(statement) + "}");
    }

    private static Answer patch(HttpTestClient client, String path, String json) {
        return client.send(client.request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static Answer delete(HttpTestClient client, String path) {
        return client.send(client.request(path).DELETE().build());
    }

    @Test
    void test_trackThroughTheQueryEndpoint_storesTheCallersAlert_andAnswersOneRow() {
        HttpTestClient user = user("tracker");

        Answer answer = user.query("EVALUATE AAPL: PRICE; track aapl when PRICE > 1.05 * SMA(20)  AND RSI(14) < 70");
        JsonNode listed = user.get("/api/v1/alerts").json().get("alerts");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("rows").get(0).get(0).asString()).isEqualTo("AAPL");
        JsonNode table = results.get(1);
        assertThat(table.get("columns").findValuesAsString("name"))
                .containsExactly("id", "symbol", "condition", "state");
        JsonNode row = table.get("rows").get(0);
        assertThat(row.get(1).asString()).isEqualTo("AAPL");
        assertThat(row.get(2).asString()).isEqualTo("PRICE > 1.05 * SMA(20)  AND RSI(14) < 70");
        assertThat(row.get(3).asString()).isEqualTo("active");
        assertThat(listed).hasSize(1);
        JsonNode alert = listed.get(0);
        assertThat(alert.get("id").asString()).isEqualTo(row.get(0).asString());
        assertThat(alert.get("statement").asString())
                .isEqualTo("TRACK AAPL WHEN PRICE > 1.05 * SMA(20)  AND RSI(14) < 70");
        assertThat(alert.get("state").asString()).isEqualTo("active");
        assertThat(alert.get("createdAt").asString()).isNotBlank();
        assertThat(user.get("/api/v1/alerts/" + alert.get("id").asString())
                        .json()
                        .get("condition")
                        .asString())
                .isEqualTo("PRICE > 1.05 * SMA(20)  AND RSI(14) < 70");
    }

    @Test
    void test_aQueryThatFails_storesNoTrack() {
        HttpTestClient user = user("careful");

        Answer failed = user.query("TRACK AAPL WHEN PRICE > 5; EVALUATE NOPE-XYZ: PRICE");

        assertThat(failed.status()).isEqualTo(404);
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).isEmpty();
    }

    @Test
    void test_alert_lifeCycle_pauseResumeDelete_audited() {
        HttpTestClient user = user("cycler");
        HttpTestClient admin = signedInAs(unique("auditor"), Role.ADMIN);

        Answer created = track(user, "TRACK msft WHEN PRICE BETWEEN 10 AND 20%");
        String id = created.json().get("id").asString();
        String path = "/api/v1/alerts/" + id;
        Answer paused = user.postJson(path + "/pause", "");
        Answer pausedAgain = user.postJson(path + "/pause", "");
        Answer resumed = user.postJson(path + "/resume", "");
        Answer patchedPaused = patch(user, path, "{\"state\":\"paused\"}");
        Answer patchedActive = patch(user, path, "{\"state\":\"active\"}");
        Answer badState = patch(user, path, "{\"state\":\"asleep\"}");
        Answer firings = user.get(path + "/firings");
        Answer deleted = delete(user, path);
        Answer gone = user.get(path);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("symbol").asString()).isEqualTo("MSFT");
        assertThat(created.json().get("condition").asString()).isEqualTo("PRICE BETWEEN 10 AND 20%");
        assertThat(created.json().get("lastFiredAt").isNull()).isTrue();
        assertThat(paused.json().get("state").asString()).isEqualTo("paused");
        assertThat(pausedAgain.status()).isEqualTo(200);
        assertThat(pausedAgain.json().get("state").asString()).isEqualTo("paused");
        assertThat(resumed.json().get("state").asString()).isEqualTo("active");
        assertThat(patchedPaused.json().get("state").asString()).isEqualTo("paused");
        assertThat(patchedActive.json().get("state").asString()).isEqualTo("active");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(problemType(badState)).isEqualTo("invalid-parameter");
        assertThat(firings.status()).isEqualTo(200);
        assertThat(firings.json().get("firings")).isEmpty();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(problemType(gone)).isEqualTo("not-found");
        assertThat(gone.json().get("detail").asString()).isEqualTo("You have no alert with that id.");

        List<String> audited = new ArrayList<>();
        for (String type : List.of("ALERT_CREATED", "ALERT_PAUSED", "ALERT_RESUMED", "ALERT_DELETED")) {
            for (JsonNode event : admin.get("/api/v1/admin/audit?type=" + type + "&size=500")
                    .json()
                    .get("events")) {
                if (event.get("subject").asString().equals(id)) {
                    audited.add(type);
                    assertThat(event.get("details").get("symbol").asString()).isEqualTo("MSFT");
                }
            }
        }
        assertThat(audited)
                .as("each change once; pausing a paused alert changed nothing")
                .containsExactly(
                        "ALERT_CREATED",
                        "ALERT_PAUSED",
                        "ALERT_PAUSED",
                        "ALERT_RESUMED",
                        "ALERT_RESUMED",
                        "ALERT_DELETED");
    }

    @Test
    void test_anotherUsersAlert_isNotFound_andNeverListed() {
        HttpTestClient alice = user("alice");
        HttpTestClient bob = user("bob");
        String id = track(alice, "TRACK NVDA WHEN PRICE > 1").json().get("id").asString();
        String path = "/api/v1/alerts/" + id;

        List<Answer> answers = List.of(
                bob.get(path),
                bob.get(path + "/firings"),
                bob.postJson(path + "/pause", ""),
                bob.postJson(path + "/resume", ""),
                patch(bob, path, "{\"state\":\"paused\"}"),
                delete(bob, path));

        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.json().get("detail").asString()).isEqualTo("You have no alert with that id.");
        }
        assertThat(bob.get("/api/v1/alerts").json().get("alerts")).isEmpty();
        assertThat(alice.get(path).json().get("state").asString())
                .as("untouched")
                .isEqualTo("active");
    }

    @Test
    void test_limit_oneAlertMoreThanTheLimitIsRefused_untilOneIsDeleted() {
        HttpTestClient user = user("hoarder");
        String first = null;
        for (int i = 0; i < 100; i++) {
            Answer created = track(user, "TRACK AAPL WHEN PRICE > " + (1000 + i));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            first = first == null ? created.json().get("id").asString() : first;
        }

        Answer tooMany = track(user, "TRACK AAPL WHEN PRICE > 5");
        Answer tooManyByQuery = user.query("TRACK AAPL WHEN PRICE > 5");
        delete(user, "/api/v1/alerts/" + first);
        Answer roomAgain = track(user, "TRACK AAPL WHEN PRICE > 5");

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(problemType(tooMany)).isEqualTo("too-many-alerts");
        assertThat(tooMany.json().get("detail").asString()).contains("100 alerts");
        assertThat(tooManyByQuery.status()).isEqualTo(409);
        assertThat(roomAgain.status()).isEqualTo(201);
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).hasSize(100);
    }

    @Test
    void test_scopes_readKeysRead_writesNeedMarketDataWrite_alsoThroughTheQueryEndpoint() {
        HttpTestClient user = user("keyholder");
        String id = track(user, "TRACK AAPL WHEN PRICE > 1").json().get("id").asString();
        HttpTestClient reader = key(user, "\"marketdata:read\"");
        HttpTestClient analyst = key(user, "\"analysis\"");
        HttpTestClient writer = key(user, "\"analysis\",\"marketdata:write\"");

        Answer readList = reader.get("/api/v1/alerts");
        Answer readCreate = track(reader, "TRACK AAPL WHEN PRICE > 2");
        Answer readPause = reader.postJson("/api/v1/alerts/" + id + "/pause", "");
        Answer analystTrack = analyst.query("TRACK AAPL WHEN PRICE > 3");
        Answer analystEvaluate = analyst.query("EVALUATE AAPL: PRICE");
        Answer writerTrack = writer.query("TRACK AAPL WHEN PRICE > 4");

        assertThat(readList.status()).isEqualTo(200);
        assertThat(readList.json().get("alerts")).hasSize(1);
        assertThat(readCreate.status()).isEqualTo(403);
        assertThat(readPause.status()).isEqualTo(403);
        assertThat(analystTrack.status()).as(analystTrack.body()).isEqualTo(403);
        assertThat(problemType(analystTrack)).isEqualTo("insufficient-scope");
        assertThat(analystTrack.json().get("detail").asString()).contains("marketdata:write");
        assertThat(analystEvaluate.status()).isEqualTo(200);
        assertThat(writerTrack.status()).as(writerTrack.body()).isEqualTo(200);
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).hasSize(2);
    }

    private HttpTestClient key(HttpTestClient owner, String scopes) {
        Answer created = owner.postJson("/api/v1/me/api-keys", "{\"name\":\"alerts\",\"scopes\":[" + scopes + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return anonymous.withBearer(created.json().get("key").asString());
    }

    static Stream<Arguments> badTracks() {
        return Stream.of(
                Arguments.of("TRACK AAPL WHEN PRIC > 5", "query-syntax", 1, 17, "did you mean PRICE"),
                Arguments.of("TRACK AAPL\nWHEN RSI(14) <", "query-syntax", 2, 15, "a number or a metric"),
                Arguments.of("TRACK AAPL PRICE > 5", "query-syntax", 1, 12, "WHEN"),
                Arguments.of("TRACK AAPL WHEN PRICE > 5 AS OF 2024-01-02", "query-syntax", 1, 33, "live price"),
                Arguments.of("TRACK AAPL WHEN (PRICE > 5", "query-syntax", 1, 27, "')'"));
    }

    @ParameterizedTest
    @MethodSource("badTracks")
    void test_badConditions_getLineAndColumn_fromEitherEndpoint_andStoreNothing(
            String statement, String type, int line, int column, String says) {
        HttpTestClient user = user("sloppy");

        for (Answer answer : List.of(track(user, statement), user.query(statement))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(problemType(answer)).isEqualTo(type);
            assertThat(answer.json().get("line").asInt()).isEqualTo(line);
            assertThat(answer.json().get("column").asInt()).isEqualTo(column);
            assertThat(answer.json().get("detail").asString()).contains(says);
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.sextant");
        }
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).isEmpty();
    }

    @Test
    void test_otherBadInput_getsProblems() {
        HttpTestClient user = user("odd");

        Answer unknown = track(user, "TRACK NOPE-XYZ WHEN PRICE > 5");
        Answer notATrack = track(user, "EVALUATE AAPL: PRICE");
        Answer two = track(user, "TRACK AAPL WHEN PRICE > 5; TRACK MSFT WHEN PRICE > 5");
        Answer empty = user.postJson("/api/v1/alerts", "{}");
        Answer badLimit = user.get("/api/v1/alerts/00000000-0000-0000-0000-000000000001/firings?limit=0");
        Answer badId = user.get("/api/v1/alerts/not-a-uuid");
        Answer huge = track(user, "TRACK AAPL WHEN " + "PRICE > 1 OR ".repeat(300) + "PRICE > 2");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(problemType(unknown)).isEqualTo("unknown-symbol");
        assertThat(notATrack.status()).isEqualTo(400);
        assertThat(problemType(notATrack)).isEqualTo("query-invalid");
        assertThat(two.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).isEmpty();
    }
}
