package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL metacharacters in every string field of every JSON endpoint: each answer is a deliberate
 * 2xx/4xx (never a 500), and the tables are all still there with their rows.
 */
class InjectionSweepHttpTest extends ServerHttpTest {

    private static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE app_user; --",
            "\\\" OR 1=1 --",
            "admin'--",
            "1; DELETE FROM api_key",
            "%' AND 1=0 UNION SELECT password_hash FROM app_user --");

    @Autowired
    JdbcClient jdbc;

    record Endpoint(String path, List<String> fields, Map<String, String> valid) {}

    @Test
    void test_everyStringField_takesMetacharactersAsData() {
        HttpTestClient admin =
                signedInAs("sweeper-" + UUID.randomUUID().toString().substring(0, 8), Role.ADMIN);
        // Suites run one class at a time and nothing in the sweep deletes: every count can only grow.
        Map<String, Long> rowsBefore = rowCounts();
        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "/api/v1/auth/login",
                        List.of("username", "password"),
                        Map.of("username", "someone", "password", "Some-Password-1")),
                new Endpoint(
                        "/api/v1/auth/login/mfa",
                        List.of("mfaToken", "code"),
                        Map.of("mfaToken", "x", "code", "123456")),
                new Endpoint("/api/v1/auth/refresh", List.of("refreshToken"), Map.of("refreshToken", "sx_rt_x")),
                new Endpoint("/api/v1/auth/logout", List.of("refreshToken"), Map.of("refreshToken", "sx_rt_x")),
                new Endpoint(
                        "/api/v1/auth/register",
                        List.of("username", "email", "password"),
                        Map.of("username", "u", "email", "e@example.com", "password", "Some-Password-1")),
                new Endpoint(
                        "/api/v1/me/password",
                        List.of("currentPassword", "newPassword"),
                        Map.of("currentPassword", "x", "newPassword", "Other-Password-22")),
                new Endpoint("/api/v1/me/api-keys", List.of("name"), Map.of("name", "k")),
                new Endpoint(
                        "/api/v1/me/secrets",
                        List.of("purpose", "name", "value"),
                        Map.of("purpose", "llm:openai", "name", "n", "value", "sk-0123456789abcdef")),
                new Endpoint("/api/v1/me/2fa/disable", List.of("code"), Map.of("code", "123456")),
                new Endpoint(
                        "/api/v1/admin/accounts",
                        List.of("username", "email"),
                        Map.of("username", "target-user", "email", "t@example.com")));

        for (Endpoint endpoint : endpoints) {
            for (String field : endpoint.fields()) {
                for (String payload : PAYLOADS) {
                    StringBuilder body = new StringBuilder("{");
                    endpoint.valid()
                            .forEach((name, value) -> body.append('"')
                                    .append(name)
                                    .append("\":\"")
                                    .append(name.equals(field) ? payload.replace("\"", "\\\"") : value)
                                    .append("\","));
                    if (endpoint.path().endsWith("api-keys")) {
                        body.append("\"scopes\":[\"analysis\"],");
                    }
                    if (endpoint.path().endsWith("accounts")) {
                        body.append("\"roles\":[\"user\"],");
                    }
                    body.setCharAt(body.length() - 1, '}');
                    Answer answer = admin.postJson(endpoint.path(), body.toString());
                    assertThat(answer.status())
                            .as(endpoint.path() + " " + field + " = " + payload + " -> " + answer.body())
                            .isBetween(200, 499);
                }
            }
        }

        Map<String, Long> rowsAfter = rowCounts();
        rowsBefore.forEach(
                (table, before) -> assertThat(rowsAfter.get(table)).as(table).isGreaterThanOrEqualTo(before));
        assertThat(admin.get("/api/v1/admin/audit/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    /** Rows per table; a query on a dropped table throws, so this also proves every table is there. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of(
                "app_user", "refresh_token", "api_key", "vault_secret", "audit_event", "instrument", "recovery_code")) {
            counts.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
