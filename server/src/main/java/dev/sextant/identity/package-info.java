/**
 * Identity and access: accounts, passwords, tokens, roles, and who is asking.
 *
 * <p>Public face: {@link dev.sextant.identity.AuthenticatedUser} (the caller, resolved once at the
 * edge and handed to other modules explicitly), {@link dev.sextant.identity.UserId},
 * {@link dev.sextant.identity.Role} and {@link dev.sextant.identity.AccountAdministration}. Requests
 * authenticate with {@code Authorization: Bearer <access token>}; every endpoint states its rule
 * with {@code @PreAuthorize} or {@code @PermitAll}, and one without is denied.
 */
package dev.sextant.identity;
