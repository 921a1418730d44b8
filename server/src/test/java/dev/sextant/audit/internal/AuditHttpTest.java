package dev.sextant.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Security events land in the audit log, administrators can read it, and nothing secret is in it. */
class AuditHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    private static List<JsonNode> events(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> events = new java.util.ArrayList<>();
        answer.json().get("events").forEach(events::add);
        return events;
    }

    @Test
    void test_signInEvents_areRecordedWithRequestIdAndAddress() {
        String username = unique("audited");
        var id = accounts.createAccount(username, null, PASSWORD, java.util.Set.of(Role.USER), false);
        anonymous.send(anonymous
                .request("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "audit-probe-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"Not-The-Password-9\"}"))
                .build());
        anonymous.login(username, PASSWORD);
        HttpTestClient admin = signedInAs(unique("auditor"), Role.ADMIN);

        List<JsonNode> failed = events(admin.get("/api/v1/admin/audit?type=LOGIN_FAILED&size=500"));
        List<JsonNode> succeeded = events(admin.get("/api/v1/admin/audit?type=LOGIN_SUCCEEDED&actor=" + id));

        JsonNode failure = failed.stream()
                .filter(e -> id.toString().equals(e.get("subject").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(failure.get("actor").isNull()).isTrue();
        assertThat(failure.get("requestId").asString()).isEqualTo("audit-probe-1");
        assertThat(failure.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.getFirst().get("subject").asString()).isEqualTo(username);
    }

    @Test
    void test_keyAndAdminActions_areRecordedAndSecretsNeverAre() {
        HttpTestClient admin = signedInAs(unique("keeper"), Role.ADMIN);
        JsonNode key = admin.postJson("/api/v1/me/api-keys", "{\"name\":\"ci\",\"scopes\":[\"analysis\"]}")
                .json();
        Answer created = admin.postJson(
                "/api/v1/admin/accounts", "{\"username\":\"" + unique("newbie") + "\",\"roles\":[\"user\"]}");
        admin.send(admin.request("/api/v1/me/api-keys/" + key.get("id").asString())
                .DELETE()
                .build());

        List<JsonNode> keyEvents = events(admin.get("/api/v1/admin/audit?type=API_KEY_CREATED&size=500"));
        List<JsonNode> revoked = events(admin.get("/api/v1/admin/audit?type=API_KEY_REVOKED&size=500"));
        List<JsonNode> accountEvents = events(admin.get("/api/v1/admin/audit?type=ACCOUNT_CREATED&size=500"));
        List<Map<String, Object>> everything =
                jdbc.sql("SELECT * FROM audit_event").query().listOfRows();

        assertThat(keyEvents)
                .anyMatch(e -> e.get("subject").asString().equals(key.get("id").asString())
                        && e.get("details").get("scopes").asString().equals("[analysis]"));
        assertThat(revoked)
                .anyMatch(e -> e.get("subject").asString().equals(key.get("id").asString()));
        assertThat(accountEvents)
                .anyMatch(e -> e.get("subject")
                        .asString()
                        .equals(created.json().get("id").asString()));
        assertThat(everything.toString())
                .doesNotContain(key.get("key").asString())
                .doesNotContain(created.json().get("oneTimePassword").asString())
                .doesNotContain(PASSWORD)
                .doesNotContain("Not-The-Password-9");
    }

    @Test
    void test_replayedRefreshToken_isRecorded() {
        String username = unique("replayed");
        var id = accounts.createAccount(username, null, PASSWORD, java.util.Set.of(Role.USER), false);
        String token = anonymous.login(username, PASSWORD).get("refreshToken").asString();
        String body = "{\"refreshToken\":\"" + token + "\"}";
        anonymous.postJson("/api/v1/auth/refresh", body);
        anonymous.postJson("/api/v1/auth/refresh", body);
        HttpTestClient admin = signedInAs(unique("watcher"), Role.ADMIN);

        assertThat(events(admin.get("/api/v1/admin/audit?type=REFRESH_TOKEN_REUSED&actor=" + id)))
                .hasSize(1);
    }

    @Test
    void test_auditLog_isForAdminsAndItsChainIsIntact() {
        HttpTestClient admin = signedInAs(unique("verifier"), Role.ADMIN);

        Answer asUser = http.get("/api/v1/admin/audit");
        Answer asNobody = anonymous.get("/api/v1/admin/audit");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(asUser.body()).as("a refusal shows no event").doesNotContain("\"events\"");
        assertThat(asNobody.status()).isEqualTo(401);
        assertThat(asNobody.json().get("type").asString()).isEqualTo("urn:sextant:problem:unauthenticated");
        long eventsBefore =
                jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
        JsonNode verdict = admin.get("/api/v1/admin/audit/verify").json();
        long eventsAfter =
                jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        // Intact means every stored event was verified; asking may itself add an event.
        assertThat(verdict.get("checked").asLong()).isBetween(eventsBefore, eventsAfter);
        assertThat(admin.get("/api/v1/admin/audit?type=NOPE").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/admin/audit?size=100000").status()).isEqualTo(400);
    }

    @Test
    void test_paging_walksNewestFirst() {
        HttpTestClient admin = signedInAs(unique("pager"), Role.ADMIN);

        // Filtered to sign-ins: reading the log is itself an event, which would shift unfiltered pages.
        JsonNode first = admin.get("/api/v1/admin/audit?type=LOGIN_SUCCEEDED&size=2&page=0")
                .json();
        JsonNode second = admin.get("/api/v1/admin/audit?type=LOGIN_SUCCEEDED&size=2&page=1")
                .json();

        assertThat(first.get("events")).hasSize(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("events").get(0).get("seq").asLong())
                .isGreaterThan(first.get("events").get(1).get("seq").asLong());
        assertThat(second.get("events").get(0).get("seq").asLong())
                .isLessThan(first.get("events").get(1).get("seq").asLong());
    }
}
