package dev.sextant.identity;

import dev.sextant.platform.Caller;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Authentication for long-lived connections (the WebSocket stream): a connection authenticates
 * once, at its handshake, and then lives for hours, so the credential it came with is checked again
 * while it lives and the connection ends when that credential no longer stands.
 *
 * <p>The credentials a handshake may carry, exactly one of them: an access token ({@code
 * Authorization: Bearer <token>}), an API key ({@code X-API-Key} or {@code Authorization: Bearer
 * sx_live_...}), or a ticket from {@link #issueTicket} (a browser's WebSocket cannot send headers,
 * so it passes {@code ?ticket=}).
 */
public interface StreamCredentials {

    /**
     * Who the handshake's credential names, or why it is refused. Refused: none or more than one
     * credential, an invalid, expired or revoked one, a ticket already used, or an account that must
     * change its password or enrol a second factor first.
     */
    Outcome authenticate(@Nullable String authorization, @Nullable String apiKey, @Nullable String ticket);

    /**
     * The caller as {@code grant}'s credential stands now, or empty when it no longer stands: an API
     * key revoked or expired, the account signed out everywhere, its password changed, the account
     * deleted. Roles and scopes may have changed since the handshake: the answer has today's.
     */
    Optional<Caller> recheck(Grant grant);

    /**
     * A short-lived, single-use ticket standing for the credential of the request that asks for it
     * ({@code authorization} or {@code apiKey}, as {@link #authenticate} takes them); the connection
     * made with it lasts as long as that credential stands.
     *
     * @throws dev.sextant.platform.DomainException when that credential is not a valid one
     */
    Ticket issueTicket(@Nullable String authorization, @Nullable String apiKey);

    /** What a handshake's credential amounts to. */
    sealed interface Outcome {}

    /** A credential that stands: {@code grant} is what to {@link #recheck} while the connection lives. */
    record Granted(Grant grant) implements Outcome {}

    /** @param detail what to fix, for the caller (never the credential itself) */
    record Refused(String detail) implements Outcome {}

    /** An authenticated connection's credential; opaque outside identity, and it never prints a secret. */
    interface Grant {
        Caller caller();
    }

    /** @param ticket the secret to pass as {@code ?ticket=}, once, before {@code expiresAt} */
    record Ticket(String ticket, Instant expiresAt) {
        @Override
        public String toString() {
            return "Ticket[expiresAt=" + expiresAt + "]";
        }
    }
}
