package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interoperability with the reference TypeScript client ({@code @modelcontextprotocol/sdk} from
 * npm, the committed lockfile's version) over OAuth 2.1: {@code
 * src/test/resources/mcp-interop/oauth.mjs} lets the SDK's own Streamable HTTP transport and
 * {@code OAuthClientProvider} machinery discover, register, and send the user to authorize with PKCE
 * and the resource; the script only plays the user's browser (sign-in, TOTP, consent). A remote MCP
 * client that speaks nothing but OAuth thus connects unchanged. Needs {@code node} and {@code npm}
 * ({@code .ci/run} installs them); skipped, saying so, on a machine without them.
 */
class McpOAuthInteropTest extends ServerHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Its own directory: McpInteropTest installs and copies into target/mcp-interop on its own terms.
    private static final Path WORK = Path.of("target/mcp-oauth-interop");

    @Autowired
    ToolCatalog catalog;

    @BeforeEach
    void needsNode() throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                NodeInterop.available(),
                "node and npm are not installed: the TypeScript OAuth interop test is skipped (.ci/run installs them)");
        NodeInterop.install(WORK, "oauth.mjs");
    }

    @Test
    void theTypeScriptClient_connectsThroughSignInTotpAndConsent_andCallsEveryTool() throws Exception {
        // An analyst: the least role every tool serves (bar imports are an analyst's, as over HTTP).
        Account analyst = account("ts-oauth", Role.ANALYST);
        String secret = enableSecondFactor(analyst.client());
        Map<String, Object> calls = new LinkedHashMap<>();
        catalog.tools().forEach(tool -> calls.put(tool.name(), example(tool)));
        Map<String, String> env = analyst.env();
        env.put("SEXTANT_TOTP_SECRET", secret);
        // The authenticator app's clock must agree with the server's, which tests fix.
        env.put("SEXTANT_TOTP_TIME", Long.toString(FixedClockConfiguration.NOW.getEpochSecond()));
        env.put("SEXTANT_CALLS", JSON.writeValueAsString(calls));
        Run run = runScript(env);
        assertThat(run.exit()).as(run.diagnostics()).isZero();
        JsonNode report = run.report();

        // The SDK found everything from /mcp's 401 and asked as the MCP authorization spec says.
        JsonNode asked = report.get("authorizationRequest");
        assertThat(asked.get("resource").asString()).isEqualTo("http://127.0.0.1:" + port + "/mcp");
        assertThat(asked.get("endpoint").asString()).isEqualTo("http://127.0.0.1:" + port + "/oauth2/authorize");
        assertThat(asked.get("codeChallengeMethod").asString()).isEqualTo("S256");
        assertThat(asked.get("hasCodeChallenge").asBoolean()).isTrue();
        assertThat(Set.of(asked.get("scope").asString().split(" "))).containsAll(Scope.wireNames());
        assertThat(stepNames(report))
                .containsSubsequence("registered", "sign-in page", "second-factor page", "consent page", "token");
        JsonNode consentPage = step(report, "consent page");
        assertThat(consentPage.get("namesClient").asBoolean()).isTrue();
        // Offered: what the SDK asked for (every scope), limited to what the role allows (no admin).
        List<String> withinRole = Arrays.stream(Scope.values())
                .filter(scope -> analyst.caller(Set.of(scope)).holds(scope))
                .map(Scope::wireName)
                .toList();
        assertThat(withinRole).doesNotContain(Scope.ADMIN.wireName());
        assertThat(JSON.convertValue(consentPage.get("offered"), List.class))
                .containsExactlyInAnyOrderElementsOf(withinRole);
        assertThat(step(report, "token").get("refresh").asBoolean()).isTrue();
        Set<Scope> granted = granted(report);
        assertThat(granted.stream().map(Scope::wireName).toList()).containsExactlyInAnyOrderElementsOf(withinRole);

        assertThat(report.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(report.get("server").asString()).isEqualTo("sextant");
        List<String> names = catalog.tools().stream().map(Tool::name).toList();
        assertThat(JSON.convertValue(report.get("tools"), List.class)).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            JsonNode call = report.get("calls").get(name);
            assertThat(call.get("isError").asBoolean())
                    .as(name + ": " + call)
                    .isEqualTo(McpClients.refusalOnDemo(name).isPresent());
            assertThat(call.get("text").asString()).as(name).isNotBlank();
        }

        JsonNode quote = report.get("calls").get("get_quote").get("structuredContent");
        JsonNode overHttp =
                http.get("/api/v1/quotes/" + quote.get("symbol").asString()).json();
        assertThat(quote.get("price").asDouble())
                .isEqualTo(overHttp.get("price").asDouble());
        assertThat(quote.get("provenance").get("providers").get(0).asString()).isEqualTo("demo");
        assertThat(quote.get("provenance").get("demo").asBoolean()).isTrue();
        assertThat(quote.get("provenance").get("asOf").asString())
                .isEqualTo(overHttp.get("time").asString());
        assertThat(report.get("calls")
                        .get("list_indicators")
                        .get("structuredContent")
                        .get("indicators")
                        .size())
                .isEqualTo(
                        http.get("/api/v1/indicators").json().get("indicators").size());

        // With its access token expired, the SDK refreshed (rotating the refresh token) and
        // reconnected without sending the user to sign in again.
        JsonNode reconnect = report.get("reconnect");
        assertThat(reconnect.get("refreshed").asBoolean())
                .as(reconnect.toString())
                .isTrue();
        assertThat(reconnect.get("rotated").asBoolean()).isTrue();
        assertThat(reconnect.get("tools").asInt()).isEqualTo(names.size());

        // The token the SDK got is bound to /mcp: the REST API refuses it.
        HttpTestClient.Answer quotes =
                anonymous.withBearer(report.get("accessToken").asString()).get("/api/v1/quotes/AAPL");
        assertThat(quotes.status()).as(quotes.body()).isEqualTo(401);
    }

    @Test
    void aUserWhoConsentsToLess_getsOnlyTheToolsThoseScopesAllow_andAPasswordChangeCutsTheClientOff() throws Exception {
        Account user = account("ts-oauth-some", Role.USER);
        Set<Scope> consented = EnumSet.of(Scope.MARKET_DATA_READ, Scope.ANALYSIS);
        Map<String, String> env = user.env();
        env.put("SEXTANT_NEW_PASSWORD", PASSWORD + "-changed");
        env.put(
                "SEXTANT_CONSENT_SCOPES",
                String.join(" ", consented.stream().map(Scope::wireName).toList()));
        env.put(
                "SEXTANT_CALLS",
                JSON.writeValueAsString(Map.of(
                        "get_quote", example(catalog.tool("get_quote").orElseThrow()),
                        "add_to_watchlist",
                                example(catalog.tool("add_to_watchlist").orElseThrow()))));
        Run run = runScript(env);
        assertThat(run.exit()).as(run.diagnostics()).isZero();
        JsonNode report = run.report();

        assertThat(granted(report)).isEqualTo(consented);
        List<String> allowed = catalog.available(user.caller(consented)).stream()
                .map(Tool::name)
                .toList();
        assertThat(allowed).hasSizeLessThan(catalog.tools().size()).contains("get_quote");
        assertThat(JSON.convertValue(report.get("tools"), List.class)).containsExactlyInAnyOrderElementsOf(allowed);
        JsonNode quote = report.get("calls").get("get_quote");
        assertThat(quote.get("isError").asBoolean()).as(quote.toString()).isFalse();
        assertThat(quote.get("structuredContent").get("provenance").get("demo").asBoolean())
                .isTrue();
        // A write the user did not consent to is refused as a tool error, not run.
        JsonNode write = report.get("calls").get("add_to_watchlist");
        assertThat(write.get("isError").asBoolean()).as(write.toString()).isTrue();
        assertThat(write.get("text").asString()).contains(Scope.MARKET_DATA_WRITE.wireName());

        // After the password change the open connection's token and its refresh token are dead:
        // the SDK's only way on is to send the user to sign in again.
        JsonNode cutOff = report.get("afterPasswordChange");
        assertThat(cutOff.get("changeStatus").asInt()).as(cutOff.toString()).isEqualTo(200);
        assertThat(cutOff.get("refused").asBoolean()).as(cutOff.toString()).isTrue();
        assertThat(cutOff.get("unauthorized").asBoolean()).as(cutOff.toString()).isTrue();
        assertThat(cutOff.get("sentBackToSignIn").asInt()).isPositive();
        assertThat(stepNames(report)).contains("credentials invalidated");
    }

    @Test
    void theTypeScriptClient_failsCleanly_whenTheUserDeniesConsent() throws Exception {
        Map<String, String> env = account("ts-oauth-deny", Role.USER).env();
        env.put("SEXTANT_CONSENT", "deny");
        env.put("SEXTANT_CALLS", "{\"get_quote\":{\"symbol\":\"AAPL\"}}");
        Run run = runScript(env);
        assertThat(run.exit()).as(run.diagnostics()).isEqualTo(1);
        JsonNode report = run.report();
        assertThat(report.get("authorizationError").asString()).isEqualTo("access_denied");
        assertThat(report.get("error").asString()).startsWith("authorization refused: access_denied");
        assertThat(stepNames(report)).contains("consent page").doesNotContain("token");
        assertThat(report.has("accessToken")).isFalse();
        assertThat(report.has("tools")).isFalse();
    }

    /** An account with {@link #PASSWORD}, and a client signed in as it. */
    private record Account(String username, UserId id, Role role, HttpTestClient client) {
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SEXTANT_USERNAME", username);
            env.put("SEXTANT_PASSWORD", PASSWORD);
            return env;
        }

        /** The caller an OAuth token of this account with these scopes makes. */
        Caller caller(Set<Scope> scopes) {
            return new Caller(id, role, scopes, Caller.Credential.OAUTH);
        }
    }

    private Account account(String prefix, Role role) {
        String username = unique(prefix);
        UserId id = accounts.createAccount(username, null, PASSWORD, Set.of(role), false);
        HttpTestClient client = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
        return new Account(username, id, role, client);
    }

    /** The first worked example of the tool's input schema (every catalog tool has one). */
    private static Map<String, Object> example(Tool tool) {
        if (!(tool.inputSchema().get("examples") instanceof List<?> examples)
                || !(examples.getFirst() instanceof Map<?, ?> first)) {
            throw new AssertionError(tool.name() + " has no example in its input schema");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        first.forEach((name, value) -> arguments.put(name.toString(), value));
        if (tool.name().equals("import_bars")) {
            // An imported symbol belongs to its first importer: each run imports its own.
            arguments.put("symbol", "TS" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT) + ".IMP");
        }
        return arguments;
    }

    private static Set<Scope> granted(JsonNode report) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : report.get("grantedScope").asString().split(" ")) {
            scopes.add(Scope.fromWireName(name).orElseThrow(() -> new AssertionError("unknown scope " + name)));
        }
        return scopes;
    }

    private record Run(int exit, String stdout, String stderr) {
        JsonNode report() {
            return JSON.readTree(stdout);
        }

        /** What to read when it failed, without the access token (short-lived, but a secret all the same). */
        String diagnostics() {
            return "stdout: " + stdout.replaceAll("\"accessToken\":\"[^\"]*\"", "\"accessToken\":\"(redacted)\"")
                    + "\nstderr: " + stderr;
        }
    }

    private Run runScript(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder node = new ProcessBuilder("node", "oauth.mjs").directory(WORK.toFile());
        node.environment().put("SEXTANT_MCP_URL", "http://127.0.0.1:" + port + "/mcp");
        node.environment().putAll(env);
        // Kept in target/ to read after a failure: stdout is the report, stderr the SDK's complaints.
        Path stderr = WORK.resolve(env.get("SEXTANT_USERNAME") + ".stderr");
        node.redirectError(stderr.toFile());
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("oauth.mjs did not finish within 120 s: " + output);
        }
        Run run = new Run(process.exitValue(), output, Files.readString(stderr));
        Files.writeString(WORK.resolve(env.get("SEXTANT_USERNAME") + ".json"), run.diagnostics());
        return run;
    }

    private static List<String> stepNames(JsonNode report) {
        return report.get("steps")
                .valueStream()
                .map(step -> step.get("step").asString())
                .toList();
    }

    private static JsonNode step(JsonNode report, String name) {
        return report.get("steps")
                .valueStream()
                .filter(step -> step.get("step").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + report));
    }
}
