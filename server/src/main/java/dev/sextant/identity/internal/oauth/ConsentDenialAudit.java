package dev.sextant.identity.internal.oauth;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits a consent the user denied: the consent form posted back without any scope, which the
 * authorization server answers with {@code access_denied}. (Consents given are audited where they
 * are stored, {@link AuditedClients.Consents}.)
 */
final class ConsentDenialAudit extends OncePerRequestFilter {

    private final AuditLog audit;

    ConsentDenialAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().endsWith("/oauth2/authorize")
                || request.getParameter("scope") != null
                || request.getParameter("state") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && request.getParameter("client_id") != null) {
            audit.record(
                    AuditEventType.OAUTH_CONSENT,
                    user.getName(),
                    request.getParameter("client_id"),
                    Map.of("decision", "denied"));
        }
        chain.doFilter(request, response);
    }
}
