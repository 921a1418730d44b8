package dev.sextant.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** MCP messages draw on the account's request budget like /api/v1; an exhausted budget is a clean 429. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/${random.uuid}",
            "sextant.identity.lockout.free-failures-per-address=100000",
            "sextant.ratelimit.auth-per-minute=1000",
            "sextant.ratelimit.default-per-minute=8"
        })
@Import(FixedClockConfiguration.class)
class McpRateLimitHttpTest {

    private static final HttpClient RAW =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Test
    void toolCallsBeyondTheBudgetAre429WithRetryAfterAndNoStackTrace() throws Exception {
        accounts.createAccount("mcp-budget", null, "Correct-Horse-7-Battery", Set.of(Role.USER), false);
        HttpTestClient anonymous = new HttpTestClient(port);
        HttpTestClient user = anonymous.withBearer(anonymous
                .login("mcp-budget", "Correct-Horse-7-Battery")
                .get("accessToken")
                .asString());
        String key = McpClients.createKey(user, "marketdata:read")[1];

        HttpResponse<String> initialized = post(
                key,
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
        assertThat(initialized.statusCode()).isEqualTo(200);
        assertThat(initialized.headers().firstValue("RateLimit-Limit")).contains("8");
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(key, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        HttpResponse<String> last = null;
        int served = 0;
        for (int i = 0; i < 20; i++) {
            last = post(
                    key,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + (10 + i) + ",\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"get_quote\",\"arguments\":{\"symbol\":\"AAPL\"}}}");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
            served++;
        }
        // 8 a minute: the key's creation, initialize and the notification took 3 of them.
        assertThat(served).isBetween(1, 5);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        McpHttpTest.assertClean(last);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(last.body())
                        .get("status")
                        .asInt())
                .isEqualTo(429);
    }

    private HttpResponse<String> post(String key, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return RAW.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
