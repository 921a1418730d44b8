package dev.sextant.identity.internal;

import dev.sextant.identity.AnyCredential;
import dev.sextant.identity.RequiresScope;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.Scope;
import jakarta.annotation.security.PermitAll;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Which credentials an endpoint accepts, as its annotations state: {@link RequiresScope},
 * {@link SessionOnly}, {@link AnyCredential} (a method's rule wins over its class's), or none for a
 * {@link PermitAll} endpoint. Read by {@link ExplicitAccessRuleInterceptor} on every request, and
 * by the test that holds the endpoints to the table in {@code docs/SECURITY.md}.
 */
sealed interface CredentialRule {

    /** Open to anyone, signed in or not ({@code @PermitAll} and no credential rule). */
    record Public() implements CredentialRule {}

    /** Any session, any API key. */
    record Any() implements CredentialRule {}

    /** Sessions only; no API key. */
    record Session() implements CredentialRule {}

    /** A credential holding this scope (a session holds every scope its role allows). */
    record Scoped(Scope scope) implements CredentialRule {}

    /** No rule, or two at the same level: such an endpoint is denied to everyone. */
    record Unstated(String reason) implements CredentialRule {}

    /** The wire form used in the docs' table: {@code public}, {@code any credential}, {@code session only}, a scope. */
    default String describe() {
        return switch (this) {
            case Public() -> "public";
            case Any() -> "any credential";
            case Session() -> "session only";
            case Scoped(Scope scope) -> scope.wireName();
            case Unstated(String reason) -> "unstated (" + reason + ")";
        };
    }

    static CredentialRule of(HandlerMethod handler) {
        List<CredentialRule> onMethod = declaredOn(handler.getMethod());
        List<CredentialRule> stated = onMethod.isEmpty() ? declaredOn(handler.getBeanType()) : onMethod;
        if (stated.size() > 1) {
            return new Unstated("more than one credential rule");
        }
        if (stated.size() == 1) {
            return stated.getFirst();
        }
        boolean permitAll = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PermitAll.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PermitAll.class);
        return permitAll ? new Public() : new Unstated("no @RequiresScope, @SessionOnly or @AnyCredential");
    }

    private static List<CredentialRule> declaredOn(AnnotatedElement element) {
        List<CredentialRule> rules = new ArrayList<>();
        RequiresScope scoped = AnnotatedElementUtils.findMergedAnnotation(element, RequiresScope.class);
        if (scoped != null) {
            rules.add(new Scoped(scoped.value()));
        }
        if (AnnotatedElementUtils.hasAnnotation(element, SessionOnly.class)) {
            rules.add(new Session());
        }
        if (AnnotatedElementUtils.hasAnnotation(element, AnyCredential.class)) {
            rules.add(new Any());
        }
        return rules;
    }
}
