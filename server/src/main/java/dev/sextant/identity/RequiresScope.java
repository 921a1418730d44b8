package dev.sextant.identity;

import dev.sextant.platform.Scope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a credential must carry to call an endpoint. An API key holds the scopes chosen when
 * it was created; a signed-in session every scope its role allows. Checked before the request
 * body is read, so a key without the scope gets 403 whatever it sends.
 *
 * <p>Every Sextant endpoint that is not public states exactly one credential rule: this,
 * {@link SessionOnly} or {@link AnyCredential}; on the method, or on the class for all its
 * methods (a method's rule wins). One without is denied. The table in {@code docs/SECURITY.md}
 * lists every endpoint's rule, and a test holds both to each other.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    Scope value();
}
