package dev.sextant.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The MCP endpoint as an OAuth protected resource (RFC 9728): its URL, which is the audience of
 * every OAuth access token, and where its metadata is. Both are derived from the URL the request
 * came in on, as the authorization server derives its issuer, so a token is bound to the server it
 * was asked for.
 */
public final class McpResource {

    public static final String PATH = "/mcp";
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private McpResource() {}

    /** Whether the request is for the MCP endpoint, the only place OAuth access tokens are good. */
    public static boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** The server's base URL as the request names it, e.g. {@code https://sextant.example}. */
    public static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    /** The resource identifier: the MCP endpoint's URL. */
    public static String url(HttpServletRequest request) {
        return baseUrl(request) + PATH;
    }

    /** Where its protected resource metadata is. */
    public static String metadataUrl(HttpServletRequest request) {
        return baseUrl(request) + METADATA_PATH + PATH;
    }
}
