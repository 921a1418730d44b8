/**
 * Identity and access: accounts, passwords, tokens, roles, and who is asking.
 *
 * <p>Public face: {@link dev.sextant.identity.AuthenticatedUser} (the caller, resolved once at the
 * edge and handed to other modules explicitly), {@link dev.sextant.platform.UserId},
 * {@link dev.sextant.platform.Role} and {@link dev.sextant.identity.AccountAdministration}. Requests
 * authenticate with {@code Authorization: Bearer <access token>} or {@code X-API-Key}; every
 * endpoint states its rule with {@code @PreAuthorize} or {@code @PermitAll}, and the credentials
 * it takes with {@link dev.sextant.identity.RequiresScope}, {@link dev.sextant.identity.SessionOnly}
 * or {@link dev.sextant.identity.AnyCredential}; one without is denied.
 */
@NullMarked
package dev.sextant.identity;

import org.jspecify.annotations.NullMarked;
