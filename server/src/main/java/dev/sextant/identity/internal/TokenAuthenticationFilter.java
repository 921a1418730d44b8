package dev.sextant.identity.internal;

import dev.sextant.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security chain's authentication step: a request without a credential goes on anonymous; one
 * whose credential {@link Credentials} refuses is answered here with 401, whatever it asked for.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final Credentials credentials;
    private final ProblemWriter problems;

    private final McpResource mcp;

    TokenAuthenticationFilter(Credentials credentials, ProblemWriter problems, McpResource mcp) {
        this.credentials = credentials;
        this.problems = problems;
        this.mcp = mcp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (credentials.checkOnce(request)) {
            case Credentials.Absent() -> chain.doFilter(request, response);
            case Credentials.Refused(String detail) -> refuse(request, response, detail);
            case Credentials.Authenticated(var authentication) -> {
                SecurityContextHolder.getContext().setAuthentication(authentication);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        // RFC 6750 and RFC 9728: at /mcp an OAuth client finds its way to a good token from the metadata.
        String resourceMetadata = McpResource.covers(request) ? mcp.metadataUrl(request) : null;
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                resourceMetadata == null
                        ? "Bearer error=\"invalid_token\""
                        : "Bearer error=\"invalid_token\", resource_metadata=\"" + resourceMetadata + "\"");
        problems.write(request, response, IdentityProblems.INVALID_TOKEN, detail);
    }
}
