package dev.sextant.identity.internal.oauth;

import dev.sextant.identity.internal.McpResource;
import dev.sextant.platform.Scope;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Protected resource metadata (RFC 9728) for the MCP endpoint: where a remote MCP client finds the
 * authorization server, which scopes exist and how to send the token. Served at the well-known
 * path and at its path-suffixed form for {@code /mcp}, the one MCP clients try first.
 */
@RestController
class ProtectedResourceMetadataController {

    private final McpResource mcp;

    ProtectedResourceMetadataController(McpResource mcp) {
        this.mcp = mcp;
    }

    @PermitAll
    @GetMapping(
            path = {McpResource.METADATA_PATH, McpResource.METADATA_PATH + McpResource.PATH},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> metadata(HttpServletRequest request) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", mcp.url(request));
        metadata.put("authorization_servers", List.of(mcp.baseUrl(request)));
        metadata.put("scopes_supported", Scope.wireNames());
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", "Sextant MCP server");
        metadata.put("resource_documentation", mcp.baseUrl(request) + "/api/docs");
        return metadata;
    }
}
