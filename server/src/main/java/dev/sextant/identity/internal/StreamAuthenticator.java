package dev.sextant.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.identity.StreamCredentials;
import dev.sextant.platform.Caller;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link StreamCredentials}: the handshake's credential checked as {@link Credentials} checks a
 * request's (the same token verification, key lookup and account rules), and each one rechecked
 * against the account's current state. An access token's connection stands while the account's
 * security version is the one the token was signed with (sign-out everywhere, a password change,
 * an administrator's reset bump it) and the account exists; it is not ended by the token's own
 * expiry, which bounds how long a token can start new work, not how long a connection it opened
 * may watch prices. An API key's stands while the key is live.
 *
 * <p>Tickets live in this node's memory for {@link #TICKET_LIFETIME}, single use: behind a load
 * balancer without sticky routing a browser redeems it on the node that issued it or not at all.
 */
@Component
class StreamAuthenticator implements StreamCredentials {

    static final Duration TICKET_LIFETIME = Duration.ofSeconds(30);
    static final Refusal CREDENTIAL_REFUSED =
            Refusal.of("stream-credential-refused", Refusal.Kind.FORBIDDEN, "Credential refused");
    private static final String BEARER = "Bearer ";

    /** A connection opened with an access token: stands while the account's security version does. */
    private record TokenGrant(Caller caller, UserId user, int securityVersion) implements Grant {}

    /** A connection opened with an API key: stands while the key is live. The secret never prints. */
    private record KeyGrant(Caller caller, String secret) implements Grant {
        @Override
        public String toString() {
            return "KeyGrant[" + caller + "]";
        }
    }

    private final AccessTokens accessTokens;
    private final ApiKeys apiKeys;
    private final UserDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Grant> tickets;

    StreamAuthenticator(AccessTokens accessTokens, ApiKeys apiKeys, UserDirectory directory, Clock clock) {
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
        this.directory = directory;
        this.clock = clock;
        this.tickets = Caffeine.newBuilder()
                .expireAfterWrite(TICKET_LIFETIME)
                .maximumSize(100_000)
                .build();
    }

    @Override
    public Outcome authenticate(@Nullable String authorization, @Nullable String apiKey, @Nullable String ticket) {
        int given = (authorization != null ? 1 : 0) + (apiKey != null ? 1 : 0) + (ticket != null ? 1 : 0);
        if (given == 0) {
            return new Refused("Send a credential: 'Authorization: Bearer <access token or API key>', "
                    + "'X-API-Key', or '?ticket=' from POST /api/v1/stream/tickets.");
        }
        if (given > 1) {
            return new Refused("Send one credential, not several.");
        }
        if (ticket != null) {
            Grant redeemed = ticket.length() > 100 ? null : tickets.asMap().remove(ticket);
            if (redeemed == null) {
                return new Refused("The ticket is unknown, expired or already used: ask for a new one.");
            }
            return recheck(redeemed)
                    .<Outcome>map(caller -> new Granted(redeemed))
                    .orElseGet(() -> new Refused("The credential the ticket was issued for no longer stands."));
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return new Refused("Send the credential as 'Authorization: Bearer <token>'.");
            }
            String bearer = authorization.substring(BEARER.length()).strip();
            if (!bearer.startsWith(ApiKeys.PREFIX)) {
                return tokenGrant(bearer)
                        .<Outcome>map(Granted::new)
                        .orElseGet(() ->
                                new Refused("The access token is invalid or expired. Refresh it or sign in again."));
            }
            apiKey = bearer;
        }
        String secret = apiKey.strip();
        return keyCaller(secret)
                .<Outcome>map(caller -> new Granted(new KeyGrant(caller, secret)))
                .orElseGet(() -> new Refused("The API key is invalid, expired or revoked, or its account cannot "
                        + "act yet (a password to change, a second factor to enrol)."));
    }

    @Override
    public Optional<Caller> recheck(Grant grant) {
        return switch (grant) {
            case TokenGrant token ->
                directory
                        .find(token.user())
                        .filter(account -> account.securityVersion() == token.securityVersion())
                        .flatMap(account -> role(account).map(role -> Caller.session(account.id(), role)));
            case KeyGrant key -> keyCaller(key.secret());
            default -> Optional.empty();
        };
    }

    @Override
    public Ticket issueTicket(@Nullable String authorization, @Nullable String apiKey) {
        if (!(authenticate(authorization, apiKey, null) instanceof Granted granted)) {
            throw new DomainException(CREDENTIAL_REFUSED, "This request's credential cannot open a stream.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = "sx_ticket_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, granted.grant());
        return new Ticket(ticket, clock.instant().plus(TICKET_LIFETIME));
    }

    private Optional<Grant> tokenGrant(String token) {
        return accessTokens
                .verify(token)
                .flatMap(claims -> directory
                        .find(claims.userId())
                        .filter(account -> account.securityVersion() == claims.securityVersion()))
                .flatMap(account -> role(account)
                        .map(role -> new TokenGrant(
                                Caller.session(account.id(), role), account.id(), account.securityVersion())));
    }

    private Optional<Caller> keyCaller(String secret) {
        Optional<ApiKeyRepository.StoredKey> key = apiKeys.authenticate(secret);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Set<Scope> scopes = key.get().scopes().isEmpty()
                ? Set.of()
                : EnumSet.copyOf(key.get().scopes());
        return directory
                .find(key.get().userId())
                .flatMap(account ->
                        role(account).map(role -> new Caller(account.id(), role, scopes, Caller.Credential.API_KEY)));
    }

    /** The account's highest role, if it may act at all (not while a password or second factor is due). */
    private static Optional<Role> role(Account account) {
        if (account.mustChangePassword() || account.mustEnrolSecondFactor()) {
            return Optional.empty();
        }
        return account.roles().stream().max(Comparator.comparingInt(Role::ordinal));
    }
}
