package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.mcp.McpStdio;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./sextant mcp} with no server running on its data directory: it starts the server in its
 * own process (the embedded database is free) on loopback and serves the key's account from it.
 */
class McpStdioStandaloneTest {

    @TempDir
    Path dataDir;

    @Test
    void withNoServerRunningItStartsOneItselfAndServesTheKeysAccount() {
        String key;
        // An installation with an account and its key, then stopped: the database file is free.
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run()) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            server.getBean(AccountAdministration.class)
                    .createAccount("desktop", null, "Quiet-Harbor-Lantern-72", Set.of(Role.USER), false);
            HttpTestClient anonymous = new HttpTestClient(port);
            HttpTestClient user = anonymous.withBearer(anonymous
                    .login("desktop", "Quiet-Harbor-Lantern-72")
                    .get("accessToken")
                    .asString());
            key = McpClients.createKey(user, "marketdata:read")[1];
        }

        List<String> stderr = new CopyOnWriteArrayList<>();
        ServerParameters parameters = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"), McpStdio.class.getName())
                .env(Map.of("SEXTANT_API_KEY", key, "SEXTANT_DATA_DIR", dataDir.toString()))
                .build();
        StdioClientTransport transport = new StdioClientTransport(
                parameters, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
        transport.setStdErrorHandler(stderr::add);
        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(180))
                .build()) {
            client.initialize();
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("get_quote");
            McpSchema.CallToolResult quote =
                    client.callTool(new McpSchema.CallToolRequest("get_quote", Map.of("symbol", "AAPL")));
            assertThat(quote.isError()).isFalse();
            assertThat(((Map<?, ?>) quote.structuredContent()).get("demo")).isEqualTo(true);
        }
        assertThat(String.join("\n", stderr)).contains("relaying stdio to http://127.0.0.1:");
    }
}
