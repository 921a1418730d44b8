package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.mcp.McpStdio;
import dev.sextant.platform.DataDirectory;
import dev.sextant.platform.Role;
import dev.sextant.support.ServerHttpTest;
import dev.sextant.tools.Tool;
import dev.sextant.tools.ToolCatalog;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./sextant mcp}'s entry point in a real subprocess, driven by the SDK's stdio client: it
 * finds the running server through the data directory's control socket (or the configured URL) and
 * acts as the API key's account.
 */
class McpStdioTest extends ServerHttpTest {

    @Autowired
    ToolCatalog catalog;

    @Autowired
    DataDirectory dataDirectory;

    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private McpSyncClient stdio(Map<String, String> env) {
        ServerParameters parameters = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"), McpStdio.class.getName())
                .env(env)
                .build();
        StdioClientTransport transport = new StdioClientTransport(
                parameters, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(90))
                .build();
        client.initialize();
        return client;
    }

    @Test
    void findsTheRunningServerOnItsDataDirectoryAndCallsEveryTool() {
        String key = McpClients.fullKey(signedInAs(unique("mcp-analyst"), Role.ANALYST));
        try (McpSyncClient client = stdio(Map.of(
                "SEXTANT_API_KEY", key, "SEXTANT_DATA_DIR", dataDirectory.path().toString()))) {
            assertThat(client.getCurrentInitializationResult().protocolVersion())
                    .isEqualTo("2025-11-25");
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrderElementsOf(
                            catalog.tools().stream().map(Tool::name).toList());
            for (McpSchema.Tool tool : tools) {
                McpSchema.CallToolResult result =
                        client.callTool(new McpSchema.CallToolRequest(tool.name(), McpClients.exampleArguments(tool)));
                if (!McpClients.answeredOnDemo(tool, result)) {
                    continue;
                }
                McpSchema.CallToolResult wrong =
                        client.callTool(new McpSchema.CallToolRequest(tool.name(), Map.of("no_such_argument", 1)));
                assertThat(wrong.isError()).as(tool.name()).isTrue();
            }
            assertThat(client.listResources().resources()).isNotEmpty();
            assertThat(client.listPrompts().prompts()).isNotEmpty();
        }
        assertThat(String.join("\n", stderr)).contains("relaying stdio to http://127.0.0.1:" + port + "/mcp");
    }

    @Test
    void actsWithTheKeysScopesOnly() {
        String key = McpClients.createKey(http, "analysis")[1];
        try (McpSyncClient client =
                stdio(Map.of("SEXTANT_API_KEY", key, "SEXTANT_MCP_URL", "http://127.0.0.1:" + port + "/mcp"))) {
            List<String> listed = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .toList();
            for (Tool tool : catalog.tools()) {
                assertThat(listed.contains(tool.name()))
                        .as(tool.name())
                        .isEqualTo(tool.scope().wireName().equals("analysis"));
            }
            McpSchema.CallToolResult refused =
                    client.callTool(new McpSchema.CallToolRequest("get_quote", Map.of("symbol", "AAPL")));
            assertThat(refused.isError()).isTrue();
            assertThat(refused.meta()).containsEntry("sextant/error", "insufficient-scope");
        }
    }

    @Test
    void aBadKeyIsAClearErrorNotAHang() {
        assertThatThrownBy(() -> stdio(Map.of(
                                "SEXTANT_API_KEY",
                                "sx_live_not-a-real-key",
                                "SEXTANT_MCP_URL",
                                "http://127.0.0.1:" + port + "/mcp"))
                        .close())
                .hasStackTraceContaining("invalid, expired or revoked");
    }
}
