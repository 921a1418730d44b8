package dev.sextant.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint only a signed-in session may call: no API key, whatever its scopes. For what a
 * stolen key must never reach: credentials (passwords, keys, two-factor), the vault, sign-out.
 *
 * @see RequiresScope
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SessionOnly {}
