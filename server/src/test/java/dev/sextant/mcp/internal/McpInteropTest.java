package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interoperability with the reference TypeScript client ({@code @modelcontextprotocol/sdk} from
 * npm, the version in the committed lockfile): {@code src/test/resources/mcp-interop/interop.mjs}
 * lists and calls every tool over Streamable HTTP with an API key. Needs {@code node} and
 * {@code npm} ({@code .ci/run} installs them); skipped, saying so, on a machine without them.
 */
class McpInteropTest extends ServerHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SOURCE = Path.of("src/test/resources/mcp-interop");
    private static final Path WORK = Path.of("target/mcp-interop");

    @Autowired
    ToolCatalog catalog;

    @Test
    void theTypeScriptClientListsAndCallsEveryTool() throws Exception {
        Assumptions.assumeTrue(
                works("node", "--version") && works("npm", "--version"),
                "node and npm are not installed: the TypeScript interop test is skipped (.ci/run installs them)");
        install();
        String key = McpClients.fullKey(signedInAs(unique("mcp-analyst"), Role.ANALYST));
        Map<String, Object> calls = new LinkedHashMap<>();
        try (McpSyncClient java = McpClients.connect(port, key)) {
            for (McpSchema.Tool tool : java.listTools().tools()) {
                calls.put(tool.name(), McpClients.exampleArguments(tool));
            }
        }
        ProcessBuilder node = new ProcessBuilder("node", "interop.mjs").directory(WORK.toFile());
        node.environment().put("SEXTANT_MCP_URL", "http://127.0.0.1:" + port + "/mcp");
        node.environment().put("SEXTANT_API_KEY", key);
        node.environment().put("SEXTANT_CALLS", JSON.writeValueAsString(calls));
        node.redirectError(WORK.resolve("interop.stderr").toFile());
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(output + Files.readString(WORK.resolve("interop.stderr")))
                .isZero();

        JsonNode report = JSON.readTree(output);
        assertThat(report.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(report.get("server").asString()).isEqualTo("sextant");
        List<String> names = catalog.tools().stream().map(Tool::name).toList();
        assertThat(JSON.convertValue(report.get("tools"), List.class)).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            JsonNode call = report.get("calls").get(name);
            assertThat(call.get("texts").asInt()).as(name).isEqualTo(1);
            if (McpClients.refusalOnDemo(name).isPresent()) {
                assertThat(call.get("isError").asBoolean())
                        .as(name + ": " + call)
                        .isTrue();
            } else {
                assertThat(call.get("isError").asBoolean())
                        .as(name + ": " + call)
                        .isFalse();
                assertThat(call.get("structured").asBoolean()).as(name).isTrue();
            }
            JsonNode wrong = report.get("wrongArguments").get(name);
            assertThat(wrong.get("isError").asBoolean()).as(name).isTrue();
            assertThat(wrong.get("text").asString()).as(name).isNotBlank();
        }
        assertThat(JSON.convertValue(report.get("resources"), List.class))
                .contains(McpResources.WATCHLISTS, McpResources.INDICATORS, McpResources.QUERY_LANGUAGE);
        assertThat(JSON.convertValue(report.get("templates"), List.class)).contains("sextant://quotes/{symbol}");
        assertThat(JSON.convertValue(report.get("prompts"), List.class))
                .contains("screen_oversold_large_caps", "compare_risk");
        assertThat(report.get("indicatorsMimeType").asString()).isEqualTo("application/json");
    }

    /** {@code npm ci} from the committed lockfile into target/, again only when the lockfile changed. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path lock = SOURCE.resolve("package-lock.json");
        Path installed = WORK.resolve("node_modules/.sextant-lock");
        boolean current = Files.exists(installed) && Files.mismatch(lock, installed) == -1;
        for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
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
