/** Accounts, credentials and their checks: the only code that reads the security context and turns a credential into a {@link dev.sextant.platform.Caller}. */
@NullMarked
package dev.sextant.identity.internal;

import org.jspecify.annotations.NullMarked;
