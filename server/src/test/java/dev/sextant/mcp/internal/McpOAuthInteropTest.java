package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final Path SOURCE = Path.of("src/test/resources/mcp-interop");
    // Its own directory: McpInteropTest installs and copies into target/mcp-interop on its own terms.
    private static final Path WORK = Path.of("target/mcp-oauth-interop");

    @Autowired
    ToolCatalog catalog;

    @BeforeEach
    void needsNode() throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                works("node", "--version") && works("npm", "--version"),
                "node and npm are not installed: the TypeScript OAuth interop test is skipped (.ci/run installs them)");
        install();
    }

    @Test
    void theTypeScriptClient_connectsThroughSignInTotpAndConsent_andGetsOnlyTheConsentedTools() throws Exception {
        String username = unique("ts-oauth");
        String secret = enableSecondFactor(signedInAs(username, Role.USER));
        Set<String> consented = Set.of(Scope.MARKET_DATA_READ.wireName(), Scope.ANALYSIS.wireName());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SEXTANT_USERNAME", username);
        env.put("SEXTANT_PASSWORD", PASSWORD);
        env.put("SEXTANT_TOTP_SECRET", secret);
        // The authenticator app's clock must agree with the server's, which tests fix.
        env.put("SEXTANT_TOTP_TIME", Long.toString(FixedClockConfiguration.NOW.getEpochSecond()));
        env.put("SEXTANT_CONSENT_SCOPES", String.join(" ", consented));
        env.put(
                "SEXTANT_CALLS",
                JSON.writeValueAsString(Map.of(
                        "get_quote", Map.of("symbol", "AAPL"),
                        "list_indicators", Map.of(),
                        "add_to_watchlist", Map.of("watchlist", "any", "symbol", "AAPL"))));
        Run run = runScript(env);
        assertThat(run.exit()).as(run.diagnostics()).isZero();
        JsonNode report = run.report();

        // The SDK found everything from /mcp's 401 and asked as the MCP authorization spec says.
        String resource = "http://127.0.0.1:" + port + "/mcp";
        JsonNode asked = report.get("authorizationRequest");
        assertThat(asked.get("resource").asString()).isEqualTo(resource);
        assertThat(asked.get("codeChallengeMethod").asString()).isEqualTo("S256");
        assertThat(asked.get("hasCodeChallenge").asBoolean()).isTrue();
        assertThat(asked.get("endpoint").asString()).isEqualTo("http://127.0.0.1:" + port + "/oauth2/authorize");
        assertThat(Set.of(asked.get("scope").asString().split(" "))).containsAll(Scope.wireNames());
        assertThat(stepNames(report))
                .containsSubsequence("registered", "sign-in page", "second-factor page", "consent page", "token");
        JsonNode consentPage = step(report, "consent page");
        assertThat(consentPage.get("namesClient").asBoolean()).isTrue();
        // Offered: what the SDK asked for, limited to what a user's role allows (no admin).
        assertThat(JSON.convertValue(consentPage.get("offered"), List.class))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Scope.values())
                        .filter(scope -> scope.minimumRole() == Role.USER)
                        .map(Scope::wireName)
                        .toList());
        assertThat(step(report, "token").get("refresh").asBoolean()).isTrue();
        assertThat(Set.of(report.get("grantedScope").asString().split(" "))).isEqualTo(consented);

        assertThat(report.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(report.get("server").asString()).isEqualTo("sextant");
        List<String> allowed = catalog.tools().stream()
                .filter(tool -> consented.contains(tool.scope().wireName()))
                .map(Tool::name)
                .toList();
        assertThat(allowed).hasSizeLessThan(catalog.tools().size()).contains("get_quote", "list_indicators");
        assertThat(JSON.convertValue(report.get("tools"), List.class)).containsExactlyInAnyOrderElementsOf(allowed);

        JsonNode quote = report.get("calls").get("get_quote");
        assertThat(quote.get("isError").asBoolean()).as(quote.toString()).isFalse();
        JsonNode structured = quote.get("structuredContent");
        JsonNode overHttp = http.get("/api/v1/quotes/AAPL").json();
        assertThat(structured.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(structured.get("price").asDouble())
                .isEqualTo(overHttp.get("price").asDouble());
        assertThat(structured.get("provenance").get("providers").get(0).asString())
                .isEqualTo("demo");
        assertThat(structured.get("provenance").get("demo").asBoolean()).isTrue();
        assertThat(structured.get("provenance").get("asOf").asString())
                .isEqualTo(overHttp.get("time").asString());
        assertThat(quote.get("text").asString()).contains("AAPL");

        JsonNode indicators = report.get("calls").get("list_indicators");
        assertThat(indicators.get("isError").asBoolean())
                .as(indicators.toString())
                .isFalse();
        assertThat(indicators.get("structuredContent").get("indicators").size())
                .isEqualTo(
                        http.get("/api/v1/indicators").json().get("indicators").size());

        // A write the user did not consent to is refused as a tool error, not run.
        JsonNode write = report.get("calls").get("add_to_watchlist");
        assertThat(write.get("isError").asBoolean()).as(write.toString()).isTrue();
        assertThat(write.get("text").asString()).contains(Scope.MARKET_DATA_WRITE.wireName());

        // With its access token expired, the SDK refreshed (rotating the refresh token) and
        // reconnected without sending the user to sign in again.
        JsonNode reconnect = report.get("reconnect");
        assertThat(reconnect.get("refreshed").asBoolean())
                .as(reconnect.toString())
                .isTrue();
        assertThat(reconnect.get("rotated").asBoolean()).isTrue();
        assertThat(reconnect.get("tools").asInt()).isEqualTo(allowed.size());

        // The token the SDK got is bound to /mcp: the REST API refuses it.
        HttpTestClient withToken =
                anonymous.withBearer(report.get("accessToken").asString());
        HttpTestClient.Answer quotes = withToken.get("/api/v1/quotes/AAPL");
        assertThat(quotes.status()).as(quotes.body()).isEqualTo(401);
    }

    @Test
    void theTypeScriptClient_failsCleanly_whenTheUserDeniesConsent() throws Exception {
        String username = unique("ts-oauth-deny");
        signedInAs(username, Role.USER);
        Run run = runScript(Map.of(
                "SEXTANT_USERNAME",
                username,
                "SEXTANT_PASSWORD",
                PASSWORD,
                "SEXTANT_CONSENT",
                "deny",
                "SEXTANT_CALLS",
                "{\"get_quote\":{\"symbol\":\"AAPL\"}}"));
        assertThat(run.exit()).as(run.diagnostics()).isEqualTo(1);
        JsonNode report = run.report();
        assertThat(report.get("authorizationError").asString()).isEqualTo("access_denied");
        assertThat(report.get("error").asString()).startsWith("authorization refused: access_denied");
        assertThat(stepNames(report)).contains("consent page").doesNotContain("token");
        assertThat(report.has("accessToken")).isFalse();
        assertThat(report.has("tools")).isFalse();
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

    /** {@code npm ci} from the committed lockfile into target/, again only when the lockfile changed. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path lock = SOURCE.resolve("package-lock.json");
        Path installed = WORK.resolve("node_modules/.sextant-lock");
        boolean current = Files.exists(installed) && Files.mismatch(lock, installed) == -1;
        for (String file : List.of("package.json", "package-lock.json", "oauth.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (current) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("npm-ci.log").toFile())
                .start();
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue())
                .as(Files.readString(WORK.resolve("npm-ci.log")))
                .isZero();
        Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean works(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
