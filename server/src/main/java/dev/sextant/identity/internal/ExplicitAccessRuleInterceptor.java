package dev.sextant.identity.internal;

import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.Scope;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Holds every request to a Sextant endpoint to the rules the endpoint states, before its arguments
 * are bound: an endpoint that states no access rule ({@code @PreAuthorize}, {@code @PermitAll}) or
 * no credential rule ({@link CredentialRule}) is denied, so a forgotten annotation fails closed
 * instead of open; and a credential without the scope the endpoint needs (or an API key on a
 * session-only endpoint) is refused here, so it gets 403 whatever body it sends, never a 400 that
 * tells it how to shape a request it may not make.
 */
@Component
class ExplicitAccessRuleInterceptor implements HandlerInterceptor {

    /** 403 for an API key that lacks the scope an endpoint needs; {@code requiredScope} names it. */
    static final ProblemType INSUFFICIENT_SCOPE = ProblemType.of("insufficient-scope", 403, "Insufficient scope");

    private static final Logger log = LoggerFactory.getLogger(ExplicitAccessRuleInterceptor.class);
    static final List<Class<? extends Annotation>> RULES =
            List.of(PreAuthorize.class, PermitAll.class, RolesAllowed.class, DenyAll.class);

    /** A handler's annotations never change: read them once per handler, not once per request. */
    private record HandlerKey(Class<?> beanType, Method method) {}

    private final Map<HandlerKey, CredentialRule> rules = new ConcurrentHashMap<>();
    private final ProblemWriter problems;

    ExplicitAccessRuleInterceptor(ProblemWriter problems) {
        this.problems = problems;
    }

    static boolean hasExplicitRule(HandlerMethod handler) {
        return RULES.stream()
                .anyMatch(rule -> AnnotatedElementUtils.hasAnnotation(handler.getMethod(), rule)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), rule));
    }

    /**
     * A refusal made here, answered by the security chain's access-denied handler (which still
     * answers {@code password-change-required} and {@code two-factor-required} first).
     */
    static final class CredentialRefused extends AccessDeniedException {
        private final transient ProblemType type;
        private final transient Map<String, ?> properties;

        CredentialRefused(ProblemType type, String detail, Map<String, ?> properties) {
            super(detail);
            this.type = type;
            this.properties = Map.copyOf(properties);
        }

        ProblemType type() {
            return type;
        }

        Map<String, ?> properties() {
            return properties;
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith("dev.sextant.")) {
            return true;
        }
        CredentialRule rule = rules.computeIfAbsent(
                new HandlerKey(method.getBeanType(), method.getMethod()), key -> CredentialRule.of(method));
        if (!hasExplicitRule(method) || rule instanceof CredentialRule.Unstated) {
            log.error(
                    "Denied {} {}: {} states no access rule or credential rule ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    method.getShortLogMessage(),
                    rule.describe());
            problems.write(request, response, ProblemType.FORBIDDEN, "This endpoint is not open to anyone.");
            return false;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        switch (rule) {
            case CredentialRule.Session()
            when holds(caller, Credentials.API_KEY) ->
                throw new CredentialRefused(
                        ProblemType.FORBIDDEN,
                        "API keys cannot do this, whatever their scopes: sign in with your password.",
                        Map.of());
            case CredentialRule.Scoped(Scope scope)
            when !holds(caller, scope.authority()) -> throw refusal(caller, scope);
            default -> {
                // Public, any credential, a session on a session-only endpoint, or the scope is held.
            }
        }
        return true;
    }

    private static AccessDeniedException refusal(Authentication caller, Scope scope) {
        if (holds(caller, Credentials.API_KEY)) {
            return new CredentialRefused(
                    INSUFFICIENT_SCOPE,
                    "This API key lacks the scope '" + scope.wireName() + "' that this endpoint needs.",
                    Map.of("requiredScope", scope.wireName()));
        }
        // A session holds every scope its role allows: lacking one, its role is not enough (or it
        // must change its password or turn on two-factor sign-in first, which the handler says).
        return new AccessDeniedException("The caller's role does not allow the scope " + scope.wireName());
    }

    private static boolean holds(Authentication caller, String authority) {
        return caller != null
                && caller.getAuthorities().stream().anyMatch(held -> authority.equals(held.getAuthority()));
    }
}
