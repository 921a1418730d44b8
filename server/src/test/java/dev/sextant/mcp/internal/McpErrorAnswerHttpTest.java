package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.ServerHttpTest;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A JSON-RPC error answer arrives whole, again and again on one kept-alive connection. With the
 * SDK's handlers on Reactor's threads, about one error in forty reached the client as a broken
 * chunked stream (an I/O error instead of the error); the handlers now run on the request thread.
 */
class McpErrorAnswerHttpTest extends ServerHttpTest {

    @Test
    void errorAnswersAfterSuccessesAreNeverBrokenStreams() {
        String key = McpClients.createKey(http, "marketdata:read")[1];
        StringBuilder outcomes = new StringBuilder();
        try (McpSyncClient client = McpClients.connect(port, key)) {
            for (int i = 0; i < 120; i++) {
                client.readResource(new McpSchema.ReadResourceRequest(McpResources.INDICATORS));
                try {
                    client.readResource(new McpSchema.ReadResourceRequest("sextant://watchlists/" + UUID.randomUUID()));
                    outcomes.append('?');
                } catch (McpError expected) {
                    outcomes.append('e');
                } catch (RuntimeException broken) {
                    outcomes.append('X');
                }
            }
        }
        assertThat(outcomes.toString()).isEqualTo("e".repeat(120));
    }
}
