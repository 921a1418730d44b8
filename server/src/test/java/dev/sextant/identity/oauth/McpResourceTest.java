package dev.sextant.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.identity.internal.McpResource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The resource URL (the tokens' audience) and where its metadata is, with and without SEXTANT_PUBLIC_URL. */
class McpResourceTest {

    private static MockHttpServletRequest request(String host, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setScheme("http");
        request.setServerName(host);
        request.setServerPort(8080);
        return request;
    }

    @Test
    void test_anAbsolutePublicUrl_winsOverTheRequestsHost() {
        McpResource mcp = new McpResource("https://sextant.example/");
        MockHttpServletRequest forged = request("evil.example", "/mcp");
        assertThat(mcp.url(forged)).isEqualTo("https://sextant.example/mcp");
        assertThat(mcp.metadataUrl(forged))
                .isEqualTo("https://sextant.example/.well-known/oauth-protected-resource/mcp");
        assertThat(mcp.configuredBaseUrl()).isEqualTo("https://sextant.example");
    }

    @Test
    void test_withoutOne_theRequestsUrlIsTheBase() {
        McpResource mcp = new McpResource("/");
        assertThat(mcp.configuredBaseUrl()).isNull();
        assertThat(mcp.url(request("localhost", "/mcp"))).isEqualTo("http://localhost:8080/mcp");
    }

    @Test
    void test_onlyMcpAndBelowAreCovered() {
        assertThat(McpResource.covers(request("h", "/mcp"))).isTrue();
        assertThat(McpResource.covers(request("h", "/mcp/x"))).isTrue();
        assertThat(McpResource.covers(request("h", "/mcpx"))).isFalse();
        assertThat(McpResource.covers(request("h", "/api/v1/mcp"))).isFalse();
    }
}
