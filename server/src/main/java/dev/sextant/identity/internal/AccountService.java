package dev.sextant.identity.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in and account life cycle: login, token refresh, logout, registration, password changes.
 * Every failure of a login says the same thing and takes the same time, whether the account
 * exists or not.
 */
@Service
class AccountService implements AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final String BAD_CREDENTIALS = "Invalid username or password.";
    private static final String UNKNOWN_USERNAME_DOMAIN = "unknown-username";
    /** The audit subject of an attempt on no account: this prefix and 16 hex digits of a keyed hash. */
    static final String UNKNOWN_USERNAME_PREFIX = "unknown-username:";

    /** What a correct password leads to: tokens, or a ticket for the second factor. */
    sealed interface SignIn {}

    /** A successful sign-in or refresh. */
    record Tokens(String accessToken, String refreshToken, long expiresIn, boolean passwordChangeRequired)
            implements SignIn {
        @Override
        public String toString() {
            return "Tokens[****]";
        }
    }

    /** The password was right; a TOTP or recovery code must follow with this ticket. */
    record SecondFactorRequired(String mfaToken) implements SignIn {
        @Override
        public String toString() {
            return "SecondFactorRequired[****]";
        }
    }

    /** A new password's token pair, and what became of the account's API keys. */
    record PasswordChanged(Tokens tokens, ApiKeys.Settlement apiKeys) {}

    private final AccountRepository accounts;
    private final UserDirectory directory;
    private final ApiKeys apiKeys;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final RegistrationProperties registration;
    private final AuditLog audit;
    private final TwoFactor twoFactor;
    private final FirstAdminPasswordFile firstAdminPassword;
    private final KeyedHash keyedHash;
    private final Clock clock;

    AccountService(
            AccountRepository accounts,
            UserDirectory directory,
            ApiKeys apiKeys,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            RegistrationProperties registration,
            AuditLog audit,
            TwoFactor twoFactor,
            FirstAdminPasswordFile firstAdminPassword,
            KeyedHash keyedHash,
            Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.apiKeys = apiKeys;
        this.hasher = hasher;
        this.policy = policy;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.registration = registration;
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.firstAdminPassword = firstAdminPassword;
        this.keyedHash = keyedHash;
        this.clock = clock;
    }

    SignIn login(String username, String password, String clientAddress) {
        Account signedIn = checkPassword(username, password, clientAddress);
        if (signedIn.totpEnabled()) {
            // The failure count is cleared only after the second factor, so codes cannot be guessed at leisure.
            return new SecondFactorRequired(accessTokens.issueMfaTicket(signedIn));
        }
        signedIn(signedIn, Map.of());
        return tokensFor(signedIn, refreshTokens.startFamily(signedIn.id()));
    }

    /**
     * The password step of any sign-in (the API's and the OAuth authorization page's): the back-off,
     * the decoy hash for unknown names, the failure audit and a re-hash with current parameters.
     * Answers the account; success is recorded by {@link #signedIn} once every factor passed.
     *
     * @throws ApiProblem when throttled or the username or password is wrong
     */
    Account checkPassword(String username, String password, String clientAddress) {
        String name = normalise(username);
        Optional<Account> account = accounts.findByUsername(name);
        refuseWhileThrottled(name, clientAddress, attempt(name, account));
        boolean valid =
                account.isPresent() ? hasher.matches(password, account.get().passwordHash()) : decoy(password);
        if (!valid) {
            throttle.recordFailure(name, clientAddress);
            Attempt attempt = attempt(name, account);
            audit.record(AuditEventType.LOGIN_FAILED, null, attempt.subject(), attempt.details());
            throw new ApiProblem(IdentityProblems.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        Account signedIn = account.get();
        if (signedIn.disabled()) {
            audit.record(
                    AuditEventType.LOGIN_FAILED, null, signedIn.id().toString(), Map.of("reason", "account disabled"));
            throw new ApiProblem(
                    IdentityProblems.ACCOUNT_DISABLED,
                    "This account is disabled. Ask an administrator to enable it again.");
        }
        if (hasher.needsRehash(signedIn.passwordHash())) {
            accounts.updatePasswordHash(signedIn.id(), hasher.hash(password), clock.instant());
        }
        return signedIn;
    }

    /** Records a complete sign-in: the back-off count cleared, the audit event with {@code details}. */
    void signedIn(Account account, Map<String, String> details) {
        throttle.recordSuccess(account.username());
        audit.record(AuditEventType.LOGIN_SUCCEEDED, account.id().toString(), account.username(), details);
    }

    /** What the audit log keeps of a sign-in attempt: who it was for, without what was typed. */
    record Attempt(String subject, Map<String, String> details) {}

    /**
     * A known account by its id; an unknown username only by its keyed hash and length. People
     * type passwords into the username field: the text itself is never stored, yet repeated
     * attempts with the same text still show as the same subject.
     */
    private Attempt attempt(String name, Optional<Account> account) {
        if (account.isPresent()) {
            return new Attempt(account.get().id().toString(), Map.of());
        }
        String hash = keyedHash.hash(UNKNOWN_USERNAME_DOMAIN, name).substring(0, 16);
        return new Attempt(
                UNKNOWN_USERNAME_PREFIX + hash,
                Map.of(
                        "username",
                        "unknown",
                        "usernameLength",
                        Integer.toString(name.codePointCount(0, name.length()))));
    }

    /** The second step of a two-factor sign-in. */
    Tokens loginSecondFactor(String mfaToken, String code, String clientAddress) {
        Account account = accessTokens
                .verifyMfaTicket(mfaToken)
                .flatMap(claims -> accounts.findById(claims.userId())
                        .filter(found -> !found.disabled())
                        .filter(found -> found.securityVersion() == claims.securityVersion()))
                .orElseThrow(() -> new ApiProblem(
                        IdentityProblems.INVALID_TOKEN, "The sign-in ticket is invalid or expired. Sign in again."));
        checkSecondFactor(account, code, clientAddress);
        signedIn(account, Map.of("factors", "2"));
        return tokensFor(account, refreshTokens.startFamily(account.id()));
    }

    /**
     * The second-factor step of any sign-in: the back-off applies and a wrong code counts as a failure.
     *
     * @throws ApiProblem when throttled or the code is not valid
     */
    void checkSecondFactor(Account account, String code, String clientAddress) {
        refuseWhileThrottled(account.username(), clientAddress, attempt(account.username(), Optional.of(account)));
        if (!twoFactor.verify(account, code)) {
            throttle.recordFailure(account.username(), clientAddress);
            audit.record(
                    AuditEventType.LOGIN_FAILED,
                    account.id().toString(),
                    account.username(),
                    Map.of("factor", "second"));
            throw new ApiProblem(
                    IdentityProblems.INVALID_CREDENTIALS, "That code is not valid.", Map.of("field", "code"));
        }
    }

    private void refuseWhileThrottled(String name, String clientAddress, Attempt attempt) {
        Optional<Duration> wait = throttle.waitFor(name, clientAddress);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            Map<String, String> details = new TreeMap<>(attempt.details());
            details.put("retryAfterSeconds", Long.toString(seconds));
            audit.record(AuditEventType.LOGIN_THROTTLED, null, attempt.subject(), details);
            throw new ApiProblem(
                    IdentityProblems.LOGIN_THROTTLED,
                    "Too many failed logins. Try again in " + seconds + " seconds.",
                    Map.of("retryAfter", seconds),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private boolean decoy(String password) {
        hasher.matchDecoy(password);
        return false;
    }

    Tokens refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokens.Rotation.Rotated rotated ->
                accounts.findById(rotated.userId())
                        .filter(account -> !account.disabled())
                        .map(account -> tokensFor(account, rotated.nextToken()))
                        .orElseThrow(AccountService::invalidRefreshToken);
            case RefreshTokens.Rotation.Reused reused -> {
                audit.record(
                        AuditEventType.REFRESH_TOKEN_REUSED,
                        reused.userId().toString(),
                        null,
                        Map.of("action", "every token of that sign-in revoked"));
                throw invalidRefreshToken();
            }
            case RefreshTokens.Rotation.Invalid invalid -> throw invalidRefreshToken();
        };
    }

    private static ApiProblem invalidRefreshToken() {
        return new ApiProblem(
                IdentityProblems.INVALID_TOKEN,
                "The refresh token is invalid, expired or already used. Sign in again.");
    }

    void logout(String refreshToken) {
        refreshTokens
                .revokeFamilyOf(refreshToken)
                .ifPresent(userId -> audit.record(AuditEventType.LOGOUT, userId.toString(), null));
    }

    /** Ends every session of the account and, unless {@code keepApiKeys}, revokes its API keys. */
    @Transactional
    ApiKeys.Settlement logoutEverywhere(UserId userId, boolean keepApiKeys) {
        accounts.bumpSecurityVersion(userId, clock.instant());
        refreshTokens.revokeAllOf(userId);
        directory.evict(userId);
        ApiKeys.Settlement settlement = settleApiKeys(userId, keepApiKeys, "signed out everywhere");
        audit.record(AuditEventType.LOGOUT_EVERYWHERE, userId.toString(), null, keyDetails(settlement));
        return settlement;
    }

    private ApiKeys.Settlement settleApiKeys(UserId userId, boolean keep, String reason) {
        ApiKeys.Settlement settlement = apiKeys.settle(userId, keep);
        settlement
                .revoked()
                .forEach(key -> audit.record(
                        AuditEventType.API_KEY_REVOKED, userId.toString(), key.toString(), Map.of("reason", reason)));
        return settlement;
    }

    private static Map<String, String> keyDetails(ApiKeys.Settlement settlement) {
        return Map.of(
                "apiKeysRevoked", Integer.toString(settlement.revoked().size()),
                "apiKeysKept", Integer.toString(settlement.kept().size()));
    }

    UserId register(String username, String email, String password) {
        if (registration.registration() != RegistrationProperties.RegistrationMode.OPEN) {
            throw new ApiProblem(
                    IdentityProblems.REGISTRATION_CLOSED,
                    "Self-registration is turned off on this server; an administrator can create your account.");
        }
        UserId id = createAccount(username, email, password, Set.of(Role.USER), false);
        audit.record(AuditEventType.ACCOUNT_CREATED, id.toString(), id.toString(), Map.of("by", "self-registration"));
        return id;
    }

    @Override
    public UserId createAccount(
            String username, String email, String password, Set<Role> roles, boolean mustChangePassword) {
        if (registration.registration() == RegistrationProperties.RegistrationMode.CLOSED) {
            throw new ApiProblem(
                    IdentityProblems.REGISTRATION_CLOSED, "No new accounts can be created on this server.");
        }
        return insertAccount(username, email, password, roles, mustChangePassword);
    }

    /** The administrator made at the first start, whatever the registration mode. */
    UserId createFirstAdmin(String username, String oneTimePassword) {
        UserId id = insertAccount(username, null, oneTimePassword, Set.of(Role.ADMIN), true);
        audit.record(
                AuditEventType.ACCOUNT_CREATED, null, id.toString(), Map.of("by", "first start", "roles", "admin"));
        return id;
    }

    /** An administrator made by the operator ({@code ./sextant user create-admin}), whatever the registration mode. */
    UserId createAdminByOperator(String username, String oneTimePassword) {
        UserId id = insertAccount(username, null, oneTimePassword, Set.of(Role.ADMIN), true);
        audit.record(
                AuditEventType.ACCOUNT_CREATED,
                null,
                id.toString(),
                Map.of("by", "operator command", "roles", "admin"));
        return id;
    }

    private UserId insertAccount(
            String username, String email, String password, Set<Role> roles, boolean mustChangePassword) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw ApiProblem.invalidParameter(
                    "username",
                    "A username has 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            throw ApiProblem.invalidParameter("email", "That is not an e-mail address.");
        }
        policy.check(password, name, "password");
        Account account = new Account(
                UserId.random(),
                name,
                email == null || email.isBlank() ? null : email.strip(),
                hasher.hash(password),
                roles,
                mustChangePassword,
                0,
                false,
                0);
        try {
            accounts.insert(account, clock.instant());
        } catch (DuplicateKeyException taken) {
            throw new ApiProblem(
                    IdentityProblems.USERNAME_TAKEN, "That username is taken.", Map.of("field", "username"));
        }
        return account.id();
    }

    /**
     * Replaces the account's roles; the change applies to its very next request. An administrator
     * cannot take the administrator role from their own account.
     */
    @Transactional
    Set<Role> changeRoles(UserId by, UserId id, Set<Role> roles) {
        Account account = accounts.findById(id)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no account with that id."));
        if (account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            refuseLosingTheLastAdministrator("demoted");
            if (by.equals(id)) {
                throw new ApiProblem(
                        IdentityProblems.OWN_ACCOUNT,
                        "You cannot remove the administrator role from your own account; another administrator can.");
            }
        }
        accounts.setRoles(id, roles, clock.instant());
        directory.evict(id);
        return roles;
    }

    /**
     * Disables the account: every session, API key, OAuth token and stream of it stops working
     * at once and it cannot sign in until enabled again. Nobody can disable their own account.
     */
    @Transactional
    void disable(UserId by, UserId id) {
        if (by.equals(id)) {
            throw new ApiProblem(
                    IdentityProblems.OWN_ACCOUNT, "You cannot disable your own account; another administrator can.");
        }
        Account account = accounts.findById(id)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no account with that id."));
        if (account.roles().contains(Role.ADMIN)) {
            refuseLosingTheLastAdministrator("disabled");
        }
        accounts.setDisabled(id, true, clock.instant());
        refreshTokens.revokeAllOf(id);
        directory.evict(id);
    }

    /** Enables a disabled account again: it can sign in and its API keys work again. */
    @Transactional
    void enable(UserId id) {
        if (!accounts.setDisabled(id, false, clock.instant())) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "There is no account with that id.");
        }
        directory.evict(id);
    }

    /** Deletes the account unless it is the last administrator: a server without one has no way back. */
    @Override
    @Transactional
    public void deleteAccount(UserId id) {
        Optional<Account> account = accounts.findById(id);
        if (account.isPresent() && account.get().roles().contains(Role.ADMIN)) {
            refuseLosingTheLastAdministrator("deleted");
        }
        accounts.delete(id);
        directory.evict(id);
    }

    private void refuseLosingTheLastAdministrator(String what) {
        if (accounts.lockAdministrators() <= 1) {
            throw new ApiProblem(
                    IdentityProblems.LAST_ADMIN,
                    "That is the last administrator and cannot be " + what + "; make another one first.");
        }
    }

    /**
     * Sets a new password after checking the current one; every other session ends and, unless
     * {@code keepApiKeys}, every API key is revoked.
     */
    @Transactional
    PasswordChanged changePassword(UserId userId, String currentPassword, String newPassword, boolean keepApiKeys) {
        Account account = accounts.findById(userId)
                .orElseThrow(() -> new ApiProblem(IdentityProblems.INVALID_TOKEN, "The account no longer exists."));
        if (!hasher.matches(currentPassword, account.passwordHash())) {
            throw new ApiProblem(
                    IdentityProblems.INVALID_CREDENTIALS,
                    "The current password is not correct.",
                    Map.of("field", "currentPassword"));
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new ApiProblem(
                    PasswordPolicy.WEAK_PASSWORD,
                    "Choose a password different from the current one.",
                    Map.of("field", "newPassword"));
        }
        policy.check(newPassword, account.username(), "newPassword");
        accounts.changePassword(userId, hasher.hash(newPassword), clock.instant());
        refreshTokens.revokeAllOf(userId);
        directory.evict(userId);
        firstAdminPassword.discardFor(account.username());
        ApiKeys.Settlement settlement = settleApiKeys(userId, keepApiKeys, "password changed");
        audit.record(AuditEventType.PASSWORD_CHANGED, userId.toString(), userId.toString(), keyDetails(settlement));
        Account changed = accounts.findById(userId).orElseThrow();
        return new PasswordChanged(tokensFor(changed, refreshTokens.startFamily(userId)), settlement);
    }

    private Tokens tokensFor(Account account, String refreshToken) {
        return new Tokens(
                accessTokens.issue(account),
                refreshToken,
                accessTokens.ttl().toSeconds(),
                account.mustChangePassword());
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
