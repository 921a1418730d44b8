package dev.sextant.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint any authenticated caller may use: a session, or an API key whatever its scopes (for
 * instance "who am I"). Roles still apply as the endpoint's {@code @PreAuthorize} states.
 *
 * @see RequiresScope
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyCredential {}
