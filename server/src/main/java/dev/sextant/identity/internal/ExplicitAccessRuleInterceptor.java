package dev.sextant.identity.internal;

import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Denies every request to a Sextant endpoint that does not state its access rule, so that a
 * forgotten annotation fails closed instead of open.
 */
@Component
class ExplicitAccessRuleInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ExplicitAccessRuleInterceptor.class);
    static final List<Class<? extends Annotation>> RULES =
            List.of(PreAuthorize.class, PermitAll.class, RolesAllowed.class, DenyAll.class);

    private final ProblemWriter problems;

    ExplicitAccessRuleInterceptor(ProblemWriter problems) {
        this.problems = problems;
    }

    static boolean hasExplicitRule(HandlerMethod handler) {
        return RULES.stream()
                .anyMatch(rule -> AnnotatedElementUtils.hasAnnotation(handler.getMethod(), rule)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), rule));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (handler instanceof HandlerMethod method
                && method.getBeanType().getName().startsWith("dev.sextant.")
                && !hasExplicitRule(method)) {
            log.error(
                    "Denied {} {}: {} states no access rule",
                    request.getMethod(),
                    request.getRequestURI(),
                    method.getShortLogMessage());
            problems.write(request, response, ProblemType.FORBIDDEN, "This endpoint is not open to anyone.");
            return false;
        }
        return true;
    }
}
