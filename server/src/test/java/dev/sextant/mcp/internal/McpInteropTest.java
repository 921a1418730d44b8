package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Path WORK = Path.of("target/mcp-interop");

    @Autowired
    ToolCatalog catalog;

    @Test
    void theTypeScriptClientListsAndCallsEveryTool() throws Exception {
        Assumptions.assumeTrue(
                NodeInterop.available(),
                "node and npm are not installed: the TypeScript interop test is skipped (.ci/run installs them)");
        NodeInterop.install(WORK, "interop.mjs");
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
}
