package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.identity.AnyCredential;
import dev.sextant.identity.RequiresScope;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The scope table in {@code docs/SECURITY.md} is the one statement of which credential may call
 * which endpoint. This test reads it and holds the server to it: the table lists exactly the
 * endpoints Spring maps under {@code /api/v1} (a new endpoint fails until it has a row), each
 * handler's credential annotation says what its row says (one without fails), and every endpoint,
 * called with one API key per scope and with a session, answers 403 exactly where the row says the
 * credential falls short and never 401 or 403 where it suffices.
 *
 * <p>Every request is harmless by construction: path ids are random, and every body is a JSON array
 * where an object is expected (or a multipart form without its file), so a credential that passes
 * the check is answered 400 or 404, never a change. Because the scope is checked before the body is
 * read, a credential that fails the check gets 403 from the same invalid body.
 */
class ScopeMatrixTest extends ServerHttpTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/v1\\S*)` \\| (?:`([a-z:]+)`|(public|any credential|session only)) "
                    + "\\| (read|write) \\|$");
    private static final String TABLE_MARKER = "<!-- scope-table";

    /** One row of the table: what the endpoint needs, as {@link CredentialRule#describe()} spells it. */
    record Row(String endpoint, String credential, String kind) {}

    /** One mapped handler method: its method and pattern, what it consumes, and the handler. */
    record Endpoint(String method, String pattern, Set<MediaType> consumes, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }
    }

    /** Who calls: a signed-in session, or an API key holding exactly one scope. */
    record Caller(String name, Scope scope, HttpTestClient client) {
        boolean isSession() {
            return scope == null;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Map<String, Row> table() {
        Path docs = Files.exists(Path.of("docs", "SECURITY.md"))
                ? Path.of("docs", "SECURITY.md")
                : Path.of("..", "docs", "SECURITY.md");
        List<String> lines;
        try {
            lines = Files.readAllLines(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(TABLE_MARKER)) {
                start = i + 1;
            }
        }
        assertThat(start).as("the scope table's marker in " + docs).isPositive();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            assertThat(row.matches()).as("a well-formed row: " + lines.get(i)).isTrue();
            String endpoint = row.group(1) + " " + row.group(2);
            String credential = row.group(3) != null ? row.group(3) : row.group(4);
            if (row.group(3) != null) {
                assertThat(Scope.fromWireName(credential))
                        .as("a known scope in " + lines.get(i))
                        .isPresent();
            }
            assertThat(rows.put(endpoint, new Row(endpoint, credential, row.group(5))))
                    .as("one row for " + endpoint)
                    .isNull();
        }
        assertThat(rows).hasSizeGreaterThan(30);
        return rows;
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            RequestMappingInfo info = mapping.getKey();
            if (!handler.getBeanType().getName().startsWith("dev.sextant.")) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as(pattern + " states its HTTP method(s)").isNotEmpty();
                methods.forEach(method -> endpoints.add(new Endpoint(
                        method.name(), pattern, info.getConsumesCondition().getConsumableMediaTypes(), handler)));
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
        return endpoints;
    }

    @Test
    void test_theTable_listsExactlyTheServersEndpoints() {
        Set<String> mapped = new TreeSet<>();
        endpoints().forEach(endpoint -> mapped.add(endpoint.key()));

        assertThat(new TreeSet<>(table().keySet()))
                .as("rows of docs/SECURITY.md's scope table vs the server's /api/v1 mappings")
                .isEqualTo(mapped);
    }

    @Test
    void test_everyHandler_declaresTheCredentialItsRowStates() {
        Map<String, Row> table = table();
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String declared = CredentialRule.of(endpoint.handler()).describe();
            Row row = table.get(endpoint.key());
            String documented = row == null ? "no row" : row.credential();
            if (!declared.equals(documented)) {
                mismatches.add(endpoint.key() + ": declares " + declared + ", table says " + documented);
            }
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    void test_readsAreGets_orSaySoInTheTable() {
        table().values().stream()
                .filter(row -> row.endpoint().startsWith("GET "))
                .forEach(row -> assertThat(row.kind()).as(row.endpoint()).isEqualTo("read"));
        table().values().stream()
                .filter(row -> row.credential().equals(Scope.MARKET_DATA_WRITE.wireName()))
                .forEach(row -> assertThat(row.kind()).as(row.endpoint()).isEqualTo("write"));
    }

    @Test
    void test_handlersWithoutACredentialRule_orWithTwo_areUnstated() throws NoSuchMethodException {
        class Bare {
            public void handle() {}
        }
        @RequiresScope(Scope.ANALYSIS)
        class Scoped {
            @SessionOnly
            public void session() {}

            public void inherited() {}

            @SessionOnly
            @AnyCredential
            public void both() {}
        }
        Scoped scoped = new Scoped();

        assertThat(CredentialRule.of(new HandlerMethod(new Bare(), Bare.class.getMethod("handle"))))
                .isInstanceOf(CredentialRule.Unstated.class);
        assertThat(CredentialRule.of(new HandlerMethod(scoped, Scoped.class.getMethod("both"))))
                .isInstanceOf(CredentialRule.Unstated.class);
        assertThat(CredentialRule.of(new HandlerMethod(scoped, Scoped.class.getMethod("session"))))
                .isEqualTo(new CredentialRule.Session());
        assertThat(CredentialRule.of(new HandlerMethod(scoped, Scoped.class.getMethod("inherited"))))
                .isEqualTo(new CredentialRule.Scoped(Scope.ANALYSIS));
    }

    private List<Caller> callers() {
        HttpTestClient admin = signedInAs(unique("matrix-admin"), Role.ADMIN);
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("session", null, admin));
        for (Scope scope : Scope.values()) {
            Answer created = admin.postJson(
                    "/api/v1/me/api-keys",
                    "{\"name\":\"only " + scope.wireName() + "\",\"scopes\":[\"" + scope.wireName() + "\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            callers.add(new Caller(
                    "key with " + scope.wireName(),
                    scope,
                    anonymous.withHeader("X-API-Key", created.json().get("key").asString())));
        }
        return callers;
    }

    /** Whether the row says this caller may call the endpoint. */
    private static boolean suffices(Row row, Caller caller) {
        return switch (row.credential()) {
            case "public", "any credential" -> true;
            case "session only" -> caller.isSession();
            default -> caller.isSession() || caller.scope().wireName().equals(row.credential());
        };
    }

    private static String concretePath(String pattern) {
        return pattern.replace("{symbol}", "AAPL")
                .replace("{name}", "demo")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** A request the endpoint will refuse for its body (or answer 404 for its random id). */
    private static HttpRequest harmless(HttpTestClient client, Endpoint endpoint) {
        HttpRequest.Builder request = client.request(concretePath(endpoint.pattern()));
        if (endpoint.method().equals("GET") || endpoint.method().equals("DELETE")) {
            return request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody())
                    .build();
        }
        boolean multipart = endpoint.consumes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
        boolean text = endpoint.consumes().stream().anyMatch(MediaType.TEXT_PLAIN::equalsTypeAndSubtype);
        if (multipart) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nno file\r\n--"
                    + boundary + "--\r\n";
            return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(form))
                    .build();
        }
        return request.header("Content-Type", text ? "text/plain" : "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("[]"))
                .build();
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        Map<String, Row> table = table();
        List<Endpoint> endpoints = endpoints();
        List<Caller> callers = callers();
        List<DynamicTest> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Row row = table.get(endpoint.key());
            assertThat(row).as("a table row for " + endpoint.key()).isNotNull();
            for (Caller caller : callers) {
                String name = endpoint.key() + " " + endpoint.consumes() + " as " + caller.name();
                cells.add(DynamicTest.dynamicTest(name, () -> {
                    Answer answer = caller.client().send(harmless(caller.client(), endpoint));

                    if (suffices(row, caller)) {
                        assertThat(answer.status())
                                .as(name + " is allowed (" + row.credential() + "): " + answer.body())
                                .isNotIn(401, 403)
                                .isLessThan(500);
                    } else {
                        assertThat(answer.status())
                                .as(name + " is refused (" + row.credential() + "): " + answer.body())
                                .isEqualTo(403);
                        String expectedType = row.credential().equals("session only")
                                ? "urn:sextant:problem:forbidden"
                                : "urn:sextant:problem:insufficient-scope";
                        assertThat(answer.json().get("type").asString()).isEqualTo(expectedType);
                    }
                }));
            }
        }
        return cells.stream();
    }
}
