package dev.sextant.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The MCP endpoint as an OAuth protected resource (RFC 9728): its URL, which is the audience of
 * every OAuth access token, and where its metadata is. The server's URL is {@code
 * SEXTANT_PUBLIC_URL} when that is absolute (behind a TLS proxy, set it: the URL clients use is
 * then the issuer and audience whatever the request's {@code Host} says); otherwise the URL the
 * request came in on, as the authorization server then derives its issuer, so a token is bound to
 * the server it was asked for either way.
 */
@Component
public class McpResource {

    public static final String PATH = "/mcp";
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final @Nullable String publicUrl;

    public McpResource(@Value("${sextant.public-url:/}") String publicUrl) {
        String trimmed = publicUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        this.publicUrl = trimmed.startsWith("https://") || trimmed.startsWith("http://") ? trimmed : null;
    }

    /** The configured absolute public URL, if there is one: the authorization server's issuer too. */
    public @Nullable String configuredBaseUrl() {
        return publicUrl;
    }

    /** Whether the request is for the MCP endpoint, the only place OAuth access tokens are good. */
    public static boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** The server's base URL, e.g. {@code https://sextant.example}. */
    public String baseUrl(HttpServletRequest request) {
        if (publicUrl != null) {
            return publicUrl;
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    /** The resource identifier: the MCP endpoint's URL. */
    public String url(HttpServletRequest request) {
        return baseUrl(request) + PATH;
    }

    /** Where its protected resource metadata is. */
    public String metadataUrl(HttpServletRequest request) {
        return baseUrl(request) + METADATA_PATH + PATH;
    }
}
