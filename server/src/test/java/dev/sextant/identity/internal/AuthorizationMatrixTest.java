package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every user-owned and administrative endpoint, tried as each kind of caller, with the exact
 * status expected. The endpoint list is checked against the server's own mappings, so a new
 * endpoint under {@code /api/v1/me} or {@code /api/v1/admin} fails this test until it has a row.
 */
class AuthorizationMatrixTest extends ServerHttpTest {

    enum Caller {
        OWNER,
        OTHER_USER,
        ANALYST,
        ADMIN,
        KEY_WITH_SCOPE,
        KEY_WITHOUT_SCOPE,
        ANONYMOUS
    }

    /** Fresh resources of the owner for one cell, so destructive cells never affect each other. */
    record Owned(String apiKeyId, String secretId, String watchlistId, String ownerId) {}

    /** One endpoint: how to call it, and the status each caller must get. */
    record Row(
            String method, String pattern, Function<Owned, String> path, String body, Map<Caller, Integer> expected) {}

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<Caller, HttpTestClient> callers;
    HttpTestClient owner;
    String ownerId;
    String standingKey;
    String standingSecret;
    String standingWatchlist;

    private static Map<Caller, Integer> expect(
            int owner, int other, int analyst, int admin, int keyWithScope, int keyWithoutScope, int anonymous) {
        Map<Caller, Integer> map = new EnumMap<>(Caller.class);
        int[] statuses = {owner, other, analyst, admin, keyWithScope, keyWithoutScope, anonymous};
        for (Caller caller : Caller.values()) {
            map.put(caller, statuses[caller.ordinal()]);
        }
        return map;
    }

    static List<Row> rows() {
        String newKey = "{\"name\":\"matrix\",\"scopes\":[\"analysis\"]}";
        String newSecret = "{\"purpose\":\"llm:openai\",\"name\":\"m-" + UUID.randomUUID()
                + "\",\"value\":\"sk-matrix-0123456789\"}";
        return List.of(
                new Row("GET", "/api/v1/me", o -> "/api/v1/me", null, expect(200, 200, 200, 200, 200, 200, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/password",
                        o -> "/api/v1/me/password",
                        "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"Whatever-Else-99\"}",
                        // Sessions pass the access check and fail on the wrong current password.
                        expect(401, 401, 401, 401, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/me/api-keys",
                        o -> "/api/v1/me/api-keys",
                        null,
                        expect(200, 200, 200, 200, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/api-keys",
                        o -> "/api/v1/me/api-keys",
                        newKey,
                        expect(201, 201, 201, 201, 403, 403, 401)),
                new Row(
                        "DELETE",
                        "/api/v1/me/api-keys/{id}",
                        o -> "/api/v1/me/api-keys/" + o.apiKeyId(),
                        null,
                        expect(204, 404, 404, 404, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/me/api-keys/scopes",
                        o -> "/api/v1/me/api-keys/scopes",
                        null,
                        expect(200, 200, 200, 200, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/me/secrets",
                        o -> "/api/v1/me/secrets",
                        null,
                        expect(200, 200, 200, 200, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/secrets",
                        o -> "/api/v1/me/secrets",
                        newSecret,
                        expect(201, 201, 201, 201, 403, 403, 401)),
                new Row(
                        "DELETE",
                        "/api/v1/me/secrets/{id}",
                        o -> "/api/v1/me/secrets/" + o.secretId(),
                        null,
                        expect(204, 404, 404, 404, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/secrets/{id}/test",
                        o -> "/api/v1/me/secrets/" + o.secretId() + "/test",
                        null,
                        // The owner's standing secret is an LLM key: found, but not a provider's to test.
                        expect(422, 404, 404, 404, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/2fa/setup",
                        o -> "/api/v1/me/2fa/setup",
                        null,
                        expect(200, 200, 200, 200, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/2fa/enable",
                        o -> "/api/v1/me/2fa/enable",
                        "{\"code\":\"000000\"}",
                        // Passes the access check; the code is wrong or set-up was never started.
                        expect(401, 401, 401, 401, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/2fa/disable",
                        o -> "/api/v1/me/2fa/disable",
                        "{\"code\":\"000000\"}",
                        expect(401, 401, 401, 403, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/2fa/recovery-codes",
                        o -> "/api/v1/me/2fa/recovery-codes",
                        "{\"code\":\"000000\"}",
                        // Sessions pass the access check; without two-factor sign-in there is nothing to
                        // replace (409), with it (the administrator) the code is wrong (401).
                        expect(409, 409, 409, 401, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/me/preferences",
                        o -> "/api/v1/me/preferences",
                        null,
                        expect(200, 200, 200, 200, 403, 403, 401)),
                new Row(
                        "PUT",
                        "/api/v1/me/preferences",
                        o -> "/api/v1/me/preferences",
                        "{\"region\":\"UK\",\"keepQueryHistory\":false,\"shareUsageMetrics\":false}",
                        expect(200, 200, 200, 200, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/admin/accounts",
                        o -> "/api/v1/admin/accounts",
                        null,
                        expect(403, 403, 403, 200, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/admin/accounts",
                        o -> "/api/v1/admin/accounts",
                        "{\"username\":\"m-" + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"roles\":[\"user\"]}",
                        expect(403, 403, 403, 201, 403, 403, 401)),
                new Row(
                        "PUT",
                        "/api/v1/admin/accounts/{id}/roles",
                        o -> "/api/v1/admin/accounts/" + o.ownerId() + "/roles",
                        "{\"roles\":[\"user\"]}",
                        expect(403, 403, 403, 200, 403, 403, 401)),
                new Row(
                        "DELETE",
                        "/api/v1/admin/accounts/{id}",
                        o -> "/api/v1/admin/accounts/" + UUID.randomUUID(),
                        null,
                        expect(403, 403, 403, 204, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/admin/accounts/{id}/disable",
                        o -> "/api/v1/admin/accounts/" + UUID.randomUUID() + "/disable",
                        null,
                        expect(403, 403, 403, 404, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/admin/accounts/{id}/enable",
                        o -> "/api/v1/admin/accounts/" + UUID.randomUUID() + "/enable",
                        null,
                        expect(403, 403, 403, 404, 403, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/admin/accounts/{id}/2fa/reset",
                        o -> "/api/v1/admin/accounts/" + UUID.randomUUID() + "/2fa/reset",
                        null,
                        expect(403, 403, 403, 404, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/admin/metrics",
                        o -> "/api/v1/admin/metrics",
                        null,
                        expect(403, 403, 403, 200, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/admin/audit",
                        o -> "/api/v1/admin/audit",
                        null,
                        expect(403, 403, 403, 200, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/admin/audit/verify",
                        o -> "/api/v1/admin/audit/verify",
                        null,
                        expect(403, 403, 403, 200, 403, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/me/watchlists",
                        o -> "/api/v1/me/watchlists",
                        null,
                        expect(200, 200, 200, 200, 200, 403, 401)),
                new Row(
                        "POST",
                        "/api/v1/me/watchlists",
                        o -> "/api/v1/me/watchlists",
                        "{\"name\":\"{{unique}}\",\"symbols\":[\"AAPL\"]}",
                        expect(201, 201, 201, 201, 201, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/me/watchlists/{id}",
                        o -> "/api/v1/me/watchlists/" + o.watchlistId(),
                        null,
                        expect(200, 404, 404, 404, 200, 403, 401)),
                new Row(
                        "PUT",
                        "/api/v1/me/watchlists/{id}",
                        o -> "/api/v1/me/watchlists/" + o.watchlistId(),
                        "{\"name\":\"{{unique}}\",\"symbols\":[\"MSFT\"]}",
                        expect(200, 404, 404, 404, 200, 403, 401)),
                new Row(
                        "DELETE",
                        "/api/v1/me/watchlists/{id}",
                        o -> "/api/v1/me/watchlists/" + o.watchlistId(),
                        null,
                        expect(204, 404, 404, 404, 204, 403, 401)),
                new Row(
                        "GET",
                        "/api/v1/quotes/{symbol}",
                        o -> "/api/v1/quotes/AAPL",
                        null,
                        expect(200, 200, 200, 200, 200, 403, 401)));
    }

    @BeforeEach
    void callers() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = signedInAs("owner-" + suffix, Role.USER);
        String withScope = owner.postJson(
                        "/api/v1/me/api-keys",
                        "{\"name\":\"full\",\"scopes\":[\"marketdata:read\",\"marketdata:write\",\"analysis\",\"trading\"]}")
                .json()
                .get("key")
                .asString();
        String withoutScope = owner.postJson("/api/v1/me/api-keys", "{\"name\":\"narrow\",\"scopes\":[\"analysis\"]}")
                .json()
                .get("key")
                .asString();
        callers = new EnumMap<>(Caller.class);
        callers.put(Caller.OWNER, owner);
        callers.put(Caller.OTHER_USER, signedInAs("other-" + suffix, Role.USER));
        callers.put(Caller.ANALYST, signedInAs("analyst-" + suffix, Role.ANALYST));
        callers.put(Caller.ADMIN, signedInAs("admin-" + suffix, Role.ADMIN));
        callers.put(Caller.KEY_WITH_SCOPE, anonymous.withHeader("X-API-Key", withScope));
        callers.put(Caller.KEY_WITHOUT_SCOPE, anonymous.withHeader("X-API-Key", withoutScope));
        callers.put(Caller.ANONYMOUS, anonymous);
        ownerId = owner.get("/api/v1/me").json().get("id").asString();
        standingKey = newOwnerKey();
        standingSecret = newOwnerSecret();
        standingWatchlist = newOwnerWatchlist();
    }

    private String newOwnerKey() {
        return owner.postJson("/api/v1/me/api-keys", "{\"name\":\"target\",\"scopes\":[\"analysis\"]}")
                .json()
                .get("id")
                .asString();
    }

    private String newOwnerSecret() {
        return owner.postJson(
                        "/api/v1/me/secrets",
                        "{\"purpose\":\"llm:groq\",\"name\":\"t-" + UUID.randomUUID()
                                + "\",\"value\":\"gsk-target-0123456789\"}")
                .json()
                .get("id")
                .asString();
    }

    private String newOwnerWatchlist() {
        return owner.postJson(
                        "/api/v1/me/watchlists",
                        "{\"name\":\"w-" + UUID.randomUUID() + "\",\"symbols\":[\"SPY\",\"BTC-USD\"]}")
                .json()
                .get("id")
                .asString();
    }

    /** The owner's resources for a cell: new ones where the cell may change or delete them, else the standing ones. */
    private Owned resourcesFor(Row row) {
        boolean destructive = row.method().equals("DELETE") || row.method().equals("PUT");
        return new Owned(
                destructive && row.pattern().contains("api-keys") ? newOwnerKey() : standingKey,
                destructive && row.pattern().contains("secrets") ? newOwnerSecret() : standingSecret,
                destructive && row.pattern().contains("watchlists") ? newOwnerWatchlist() : standingWatchlist,
                ownerId);
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                cells.add(DynamicTest.dynamicTest(row.method() + " " + row.pattern() + " as " + caller, () -> {
                    Owned owned = resourcesFor(row);
                    HttpTestClient client = callers.get(caller);
                    HttpRequest.Builder request = client.request(row.path().apply(owned));
                    HttpRequest.BodyPublisher body = row.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(
                                    row.body().replace("{{unique}}", "m-" + UUID.randomUUID()));
                    if (row.body() != null) {
                        request.header("Content-Type", "application/json");
                    }
                    Answer answer =
                            client.send(request.method(row.method(), body).build());

                    assertThat(answer.status())
                            .as(answer.body())
                            .isEqualTo(row.expected().get(caller));
                    if (row.method().equals("GET") && row.pattern().endsWith("api-keys") && answer.status() == 200) {
                        assertThat(answer.body().contains(owned.apiKeyId()))
                                .as("sees the owner's key")
                                .isEqualTo(caller == Caller.OWNER);
                    }
                    if (row.method().equals("GET") && row.pattern().endsWith("secrets") && answer.status() == 200) {
                        assertThat(answer.body().contains(owned.secretId()))
                                .as("sees the owner's secret")
                                .isEqualTo(caller == Caller.OWNER);
                    }
                    if (row.method().equals("GET") && row.pattern().endsWith("watchlists") && answer.status() == 200) {
                        assertThat(answer.body().contains(owned.watchlistId()))
                                .as("sees the owner's watchlist")
                                .isEqualTo(caller == Caller.OWNER || caller == Caller.KEY_WITH_SCOPE);
                    }
                }));
            }
        }
        return cells.stream();
    }

    @Test
    void test_everyUserOwnedAndAdminEndpoint_hasARow() {
        Set<String> covered =
                rows().stream().map(row -> row.method() + " " + row.pattern()).collect(Collectors.toSet());
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("dev.sextant.")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/me") || pattern.startsWith("/api/v1/admin")) {
                    info.getMethodsCondition()
                            .getMethods()
                            .forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        });

        assertThat(endpoints).isNotEmpty();
        assertThat(covered).containsAll(endpoints);
    }
}
