package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People type their password into the username field. What the audit log keeps of a failed
 * sign-in identifies the attempt without keeping that text.
 */
class SignInAuditHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    private Answer attempt(String username) {
        return anonymous.postJson(
                "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"whatever-it-was-1\"}");
    }

    /** Every stored text of every audit event, as one string per event. */
    private List<String> auditRows() {
        return jdbc.sql("SELECT * FROM audit_event").query().listOfRows().stream()
                .map(Map::toString)
                .toList();
    }

    @Test
    void test_failedSignIns_keepNoPasswordShapedUsername() {
        String typedPassword =
                "My-Secret-Pa55word-" + UUID.randomUUID().toString().substring(0, 8);
        HttpTestClient admin = signedInAs(unique("auditor"), Role.ADMIN);

        // Enough failures that the back-off starts and the throttled attempts are recorded too.
        List<Integer> statuses = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> attempt(typedPassword).status())
                .toList();
        String auditApi = admin.get("/api/v1/admin/audit?size=500").body();

        assertThat(statuses).contains(401, 429);
        for (String trace : List.of(typedPassword, typedPassword.toLowerCase(Locale.ROOT))) {
            assertThat(auditRows()).noneMatch(row -> row.contains(trace));
            assertThat(auditApi).doesNotContain(trace);
        }
        List<String> subjects = jdbc.sql("SELECT DISTINCT subject FROM audit_event WHERE type IN "
                        + "('LOGIN_FAILED', 'LOGIN_THROTTLED') AND details LIKE :length")
                .param("length", "%\"usernameLength\":\"" + typedPassword.length() + "\"%")
                .query(String.class)
                .list();
        assertThat(subjects)
                .as("repeated attempts with the same text show as one subject")
                .singleElement()
                .asString()
                .matches(AccountService.UNKNOWN_USERNAME_PREFIX + "[0-9a-f]{16}");
    }

    @Test
    void test_failedSignInOfAKnownAccount_isRecordedByItsId() {
        String username = unique("known");
        String id = accounts.createAccount(username, null, PASSWORD, java.util.Set.of(Role.USER), false)
                .toString();

        attempt(username);

        assertThat(jdbc.sql("SELECT subject FROM audit_event WHERE type = 'LOGIN_FAILED' AND subject = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .hasSize(1);
    }
}
