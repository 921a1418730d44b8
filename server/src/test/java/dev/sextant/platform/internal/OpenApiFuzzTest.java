package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.platform.SecurityHeaders;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation in the server's own OpenAPI document, called with hostile values in each path
 * parameter, query parameter and JSON body field it declares, and with hostile bodies, as an
 * anonymous caller, a user and a (two-factor) administrator: no answer is a 5xx, and every 4xx is
 * a problem document with the security headers. The operations and their parameters come from the
 * document, so a new endpoint is fuzzed the day it appears.
 */
class OpenApiFuzzTest extends ServerHttpTest {

    private static final int MAX_VIOLATIONS_SHOWN = 40;

    /** Values a client may send in place of any text, number, date or identifier. */
    static final List<String> HOSTILE_TEXT = List.of(
            "",
            " ",
            "A".repeat(10_000),
            "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "'; DROP TABLE app_user;--",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "abc",
            "NaN",
            "Infinity",
            "-1",
            "0",
            "1.5",
            "2147483648",
            "-99999999999999999999999",
            "1e400",
            "9999-12-31",
            "0000-00-00",
            "2024-02-30T25:61:00Z",
            "\u202Eevil\u200B\uFEFF",
            "\uD83D\uDE00",
            "\u0000");

    /** JSON values of the wrong type, put where a field of another type belongs. */
    static final List<String> WRONG_JSON_TYPES =
            List.of("12345", "-1e999", "true", "null", "[\"x\"]", "[[[]]]", "{\"a\":1}", "\"x\"");

    /** Whole bodies that are not what any operation takes. */
    static final List<String> HOSTILE_BODIES =
            List.of("", "{", "{\"a\":", "[]", "42", "\"text\"", "null", "{\"zzz\":1}", "[".repeat(5_000), "\u0000");

    /**
     * Plausible values for parameters and fields by name, so that a hostile value in one place
     * gets past the checks of the others and reaches deeper code. Names not listed get a value of
     * their schema's type. Writes use a symbol of their own: an import must not replace the demo
     * prices other test classes read.
     */
    private static final Map<String, String> PLAUSIBLE = Map.ofEntries(
            Map.entry("symbols", "AAPL,MSFT"),
            Map.entry("interval", "1d"),
            Map.entry("metric", "volatility"),
            Map.entry("window", "20"),
            Map.entry("from", "2025-01-02"),
            Map.entry("to", "2025-06-01"),
            Map.entry("benchmark", "SPY"),
            Map.entry("q", "APP"),
            Map.entry("currency", "USD"),
            Map.entry("assetClass", "EQUITY"),
            Map.entry("query", "EVALUATE AAPL: PRICE"),
            Map.entry("roles", "user"),
            Map.entry("scopes", "marketdata:read"),
            Map.entry("username", "fuzz-nobody"),
            Map.entry("code", "000000"),
            Map.entry("purpose", "llm:fuzz"));

    private static final Pattern EXAMPLE_QUERY =
            Pattern.compile("\\?([A-Za-z0-9_]+=[^&\\s]*(?:&[A-Za-z0-9_]+=[^&\\s]*)*)");

    private JsonNode document;

    /** One request to make: its method, target, content type and body (null for none). */
    record Call(String label, String method, String target, String contentType, byte[] body) {}

    record Violation(String who, Call call, int status, String contentType, String why, String body) {
        @Override
        public String toString() {
            return who + " " + call.method() + " " + shorten(call.target(), 160) + " [" + call.label() + "] -> "
                    + status + " " + contentType + ": " + why + " " + shorten(body, 300);
        }
    }

    @Test
    void test_everyOperationInTheDocument_withHostileInputs_givesNo5xxAndOnlyProblemErrors() {
        document = anonymous.get("/api/openapi.json").json();
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);

        Map<String, HttpTestClient> callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous);
        callers.put("user", signedInAs(unique("fuzz-user"), Role.USER));
        callers.put("admin", signedInAs(unique("fuzz-admin"), Role.ADMIN));

        List<Violation> violations = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, HttpTestClient> caller : callers.entrySet()) {
            for (Operation operation : operations) {
                if (operation.risk() == 3 && !caller.getKey().equals("anonymous")) {
                    // Every call so far was made signed in: none may have cost the caller its session.
                    assertThat(caller.getValue().get("/api/v1/me").status())
                            .as("%s still signed in before log-out-everywhere", caller.getKey())
                            .isEqualTo(200);
                }
                List<Call> all = calls(operation);
                for (int i = 0; i < all.size(); i++) {
                    // Anonymous calls to a signed-in operation stop at the 401; a sample of them does.
                    if (caller.getKey().equals("anonymous") && !operation.open() && i % 4 != 0) {
                        continue;
                    }
                    Call call = all.get(i);
                    calls++;
                    check(caller.getKey(), caller.getValue(), call).ifPresent(violations::add);
                }
            }
        }

        assertThat(calls).isGreaterThan(1_000);
        assertThat(violations)
                .as(
                        "%d of %d calls broke the contract; the first:%n%s",
                        violations.size(),
                        calls,
                        violations.stream()
                                .limit(MAX_VIOLATIONS_SHOWN)
                                .map(Violation::toString)
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static java.util.Optional<Violation> check(String who, HttpTestClient client, Call call) {
        HttpRequest.Builder request = client.request(call.target());
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        HttpTestClient.Answer answer =
                client.send(request.method(call.method(), body).build());
        int status = answer.status();
        String why = null;
        if (status >= 500) {
            why = "server error";
        } else if (status >= 400) {
            why = problemFault(answer);
        }
        return why == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Violation(who, call, status, answer.contentType(), why, answer.body()));
    }

    /** What is wrong with a 4xx answer, or null when it is a clean problem document. */
    private static String problemFault(HttpTestClient.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "not a problem document";
        }
        if (!"nosniff".equals(answer.header("X-Content-Type-Options"))
                || !"DENY".equals(answer.header("X-Frame-Options"))
                || !SecurityHeaders.CONTENT_SECURITY_POLICY.equals(answer.header("Content-Security-Policy"))
                || !"no-referrer".equals(answer.header("Referrer-Policy"))) {
            return "security headers missing";
        }
        if (!answer.body().contains("\"type\":\"urn:sextant:problem:")) {
            return "no problem type";
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            return "internal detail in the body";
        }
        return null;
    }

    // ---- the document -------------------------------------------------------------------------

    record Parameter(String name, String in, JsonNode schema, boolean required) {}

    record Operation(
            String method,
            String path,
            String summary,
            List<Parameter> parameters,
            String contentType,
            JsonNode bodySchema,
            boolean open) {

        /** Calls that end the caller's session or remove what it holds run after every other. */
        int risk() {
            if (path.endsWith("/logout-all")) {
                return 3;
            }
            if (method.equals("DELETE") || path.endsWith("/password") || path.contains("/2fa/")) {
                return 2;
            }
            return method.equals("GET") ? 0 : 1;
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(
                            parameter.get("name").asString(),
                            parameter.get("in").asString(),
                            resolve(parameter.path("schema")),
                            parameter.path("required").asBoolean(false)));
                }
                String contentType = null;
                JsonNode bodySchema = null;
                JsonNode content = operation.path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    // JSON when the operation takes it; otherwise the first media type it names.
                    if (contentType == null || media.getKey().contains("json")) {
                        contentType = media.getKey().equals("*/*") ? "application/json" : media.getKey();
                        bodySchema = resolve(media.getValue().path("schema"));
                    }
                }
                operations.add(new Operation(
                        entry.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        operation.path("summary").asString("") + " "
                                + operation.path("description").asString(""),
                        parameters,
                        contentType,
                        bodySchema,
                        // Operations anyone may call declare no security requirement at all.
                        operation.has("security") && operation.get("security").isEmpty()));
            }
        }
        operations.sort(Comparator.comparingInt(Operation::risk));
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString(null);
        if (ref == null) {
            return schema;
        }
        return resolve(document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1)));
    }

    // ---- the calls ----------------------------------------------------------------------------

    private List<Call> calls(Operation operation) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                path.put(parameter.name(), plausible(operation, parameter.name(), parameter.schema()));
            } else if (parameter.in().equals("query")) {
                if (parameter.schema().path("type").asString("").equals("object")) {
                    // A free-form map: its keys are the ones the operation's example shows (?a=1&b=2).
                    query.putAll(exampleQuery(operation.summary()));
                } else if (parameter.required() || PLAUSIBLE.containsKey(parameter.name())) {
                    query.put(parameter.name(), plausible(operation, parameter.name(), parameter.schema()));
                }
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean json =
                operation.contentType() != null && operation.contentType().contains("json");
        if (json) {
            operation
                    .bodySchema()
                    .path("properties")
                    .properties()
                    .forEach(field -> fields.put(
                            field.getKey(), plausibleJson(operation, field.getKey(), resolve(field.getValue()))));
        }
        Body plausibleBody = body(operation, fields, null);

        List<Call> calls = new ArrayList<>();
        calls.add(call(operation, "plausible", path, query, plausibleBody));
        for (String name : path.keySet()) {
            for (String hostile : HOSTILE_TEXT) {
                Map<String, String> changed = new LinkedHashMap<>(path);
                changed.put(name, hostile);
                calls.add(call(operation, name + "=" + shorten(hostile, 20), changed, query, plausibleBody));
            }
        }
        List<String> queryNames = new ArrayList<>(query.keySet());
        operation.parameters().stream()
                .filter(p -> p.in().equals("query")
                        && !p.schema().path("type").asString("").equals("object"))
                .map(Parameter::name)
                .filter(name -> !queryNames.contains(name))
                .forEach(queryNames::add);
        queryNames.add(HOSTILE_TEXT.get(6)); // a parameter no operation declares, named with markup
        for (String name : queryNames) {
            for (String hostile : HOSTILE_TEXT) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(name, hostile);
                calls.add(call(operation, name + "=" + shorten(hostile, 20), path, changed, plausibleBody));
            }
        }
        if (json) {
            for (String field : fields.keySet()) {
                JsonNode schema =
                        resolve(operation.bodySchema().get("properties").get(field));
                List<String> values = new ArrayList<>(WRONG_JSON_TYPES);
                HOSTILE_TEXT.forEach(text -> values.add(jsonString(text)));
                if (schema.path("type").asString("").equals("array")) {
                    HOSTILE_TEXT.forEach(text -> values.add("[" + jsonString(text) + "]"));
                    values.add("[" + String.join(",", java.util.Collections.nCopies(1_000, "\"AAPL\"")) + "]");
                }
                for (String value : values) {
                    calls.add(call(
                            operation,
                            field + ":" + shorten(value, 20),
                            path,
                            query,
                            body(operation, fields, Map.entry(field, value))));
                }
            }
        }
        if (operation.contentType() != null) {
            calls.add(call(operation, "no body", path, query, new Body(operation.contentType(), null)));
            for (String hostile : HOSTILE_BODIES) {
                calls.add(call(
                        operation,
                        "body " + shorten(hostile, 20),
                        path,
                        query,
                        new Body(operation.contentType(), hostile.getBytes(StandardCharsets.UTF_8))));
            }
            if (operation.contentType().startsWith("multipart/")) {
                for (String hostile : HOSTILE_TEXT) {
                    calls.add(call(operation, "file " + shorten(hostile, 20), path, query, multipart(hostile)));
                }
            }
        }
        return calls;
    }

    record Body(String contentType, byte[] bytes) {}

    private static Call call(
            Operation operation, String label, Map<String, String> path, Map<String, String> query, Body body) {
        String target = operation.path();
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            target = target.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        if (!query.isEmpty()) {
            target += query.entrySet().stream()
                    .map(q -> encode(q.getKey()) + "=" + encode(q.getValue()))
                    .collect(Collectors.joining("&", "?", ""));
        }
        return new Call(
                label,
                operation.method(),
                target,
                body == null ? null : body.contentType(),
                body == null ? null : body.bytes());
    }

    /** The body of a JSON or multipart operation, with one field replaced; null for none. */
    private static Body body(Operation operation, Map<String, String> fields, Map.Entry<String, String> replaced) {
        if (operation.contentType() == null) {
            return null;
        }
        if (operation.contentType().startsWith("multipart/")) {
            return multipart("Date,Open,High,Low,Close,Volume\n2025-01-02,1,2,0.5,1.5,100\n");
        }
        if (!operation.contentType().contains("json")) {
            return new Body(operation.contentType(), "x".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> values = new LinkedHashMap<>(fields);
        if (replaced != null) {
            values.put(replaced.getKey(), replaced.getValue());
        }
        String json = values.entrySet().stream()
                .map(field -> jsonString(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        return new Body(operation.contentType(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static Body multipart(String fileContent) {
        String boundary = "fuzz-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"../../bars.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + fileContent + "\r\n--" + boundary + "--\r\n";
        return new Body("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A value a well-meaning client would send for this parameter, as text. */
    private static String plausible(Operation operation, String name, JsonNode schema) {
        if (name.equals("symbol")) {
            return operation.method().equals("GET") ? "AAPL" : "FUZZ";
        }
        if (PLAUSIBLE.containsKey(name)) {
            return PLAUSIBLE.get(name);
        }
        return switch (schema.path("type").asString("string")) {
            case "integer" -> "10";
            case "number" -> "0.05";
            case "boolean" -> "true";
            default ->
                switch (schema.path("format").asString("")) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2025-01-02";
                    case "date-time" -> "2030-01-01T00:00:00Z";
                    default -> "fuzz";
                };
        };
    }

    /** The same, as a JSON value of the field's type. */
    private String plausibleJson(Operation operation, String name, JsonNode schema) {
        String type = schema.path("type").asString("string");
        if (type.equals("array")) {
            String item = PLAUSIBLE.getOrDefault(name, plausible(operation, name, resolve(schema.path("items"))));
            return "[" + jsonString(item.split(",")[0]) + "]";
        }
        if (type.equals("object")) {
            return "{}";
        }
        String text = plausible(operation, name, schema);
        return type.equals("string") ? jsonString(text) : text;
    }

    private static Map<String, String> exampleQuery(String text) {
        Map<String, String> example = new LinkedHashMap<>();
        Matcher matcher = EXAMPLE_QUERY.matcher(text);
        if (matcher.find()) {
            for (String pair : matcher.group(1).split("&")) {
                int equals = pair.indexOf('=');
                example.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return example;
    }

    /** A JSON string literal; everything outside printable ASCII escaped, lone surrogates included. */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + ")";
    }
}
