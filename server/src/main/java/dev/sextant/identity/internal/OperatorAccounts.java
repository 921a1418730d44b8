package dev.sextant.identity.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.platform.CommandLine;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's way back into a server ({@code ./sextant user ...}): a new administrator, a
 * one-time password, two-factor sign-in turned off. Each is audited and ends the account's sessions.
 */
@Service
class OperatorAccounts {

    private final AccountRepository accounts;
    private final AccountService service;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final UserDirectory directory;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final FirstAdminPasswordFile firstAdminPassword;
    private final AuditLog audit;
    private final Clock clock;

    OperatorAccounts(
            AccountRepository accounts,
            AccountService service,
            PasswordHasher hasher,
            RefreshTokens refreshTokens,
            UserDirectory directory,
            LoginThrottle throttle,
            TwoFactor twoFactor,
            FirstAdminPasswordFile firstAdminPassword,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.service = service;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.directory = directory;
        this.throttle = throttle;
        this.twoFactor = twoFactor;
        this.firstAdminPassword = firstAdminPassword;
        this.audit = audit;
        this.clock = clock;
    }

    /** Answers the new administrator's one-time password. */
    String createAdmin(String username) {
        if (accounts.findByUsername(normalise(username)).isPresent()) {
            throw new CommandLine.Failure(
                    CommandLine.Exit.COULD_NOT_RUN,
                    "an account named '" + normalise(username) + "' exists (./sextant user reset-password "
                            + normalise(username) + ")");
        }
        String password = OneTimePasswords.generate();
        service.createAdminByOperator(username, password);
        return password;
    }

    /** Answers the account's new one-time password. */
    @Transactional
    String resetPassword(String username) {
        Account account = find(username);
        String password = OneTimePasswords.generate();
        accounts.resetPassword(account.id(), hasher.hash(password), clock.instant());
        refreshTokens.revokeAllOf(account.id());
        directory.evict(account.id());
        throttle.recordSuccess(account.username());
        firstAdminPassword.discardFor(account.username());
        audit.record(
                AuditEventType.PASSWORD_CHANGED,
                null,
                account.id().toString(),
                Map.of("by", "operator command", "oneTimePassword", "issued"));
        return password;
    }

    @Transactional
    void resetTwoFactor(String username) {
        Account account = find(username);
        twoFactor.resetByOperator(account.id());
        refreshTokens.revokeAllOf(account.id());
    }

    private Account find(String username) {
        return accounts.findByUsername(normalise(username))
                .orElseThrow(() -> new CommandLine.Failure(
                        CommandLine.Exit.COULD_NOT_RUN, "no account named '" + normalise(username) + "'"));
    }

    private static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
