package dev.sextant.identity.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.UserId;
import dev.sextant.vault.Vault;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor sign-in: set-up (a secret kept in the vault until a first code confirms it),
 * confirmation with ten single-use recovery codes, verification at sign-in (each code once), and
 * turning it off (not for administrators, for whom it is mandatory).
 */
@Component
class TwoFactor {

    static final String ISSUER = "Sextant";
    // The "sextant:" prefix keeps these out of the user's own list of provider keys.
    static final String PURPOSE = Vault.SYSTEM_PURPOSE_PREFIX + "totp";
    static final String PENDING_PURPOSE = Vault.SYSTEM_PURPOSE_PREFIX + "totp-pending";
    static final String SECRET_NAME = "authenticator";
    static final int RECOVERY_CODES = 10;
    static final ProblemType NOT_SET_UP = ProblemType.of("two-factor-not-set-up", 409, "Two-factor not set up");
    private static final String RECOVERY_DOMAIN = "recovery-code";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** A secret to put in an authenticator app. */
    record Setup(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "Setup[****]";
        }
    }

    private final Vault vault;
    private final AccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final KeyedHash keyedHash;
    private final UserDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TwoFactor(
            Vault vault,
            AccountRepository accounts,
            RecoveryCodeRepository recoveryCodes,
            KeyedHash keyedHash,
            UserDirectory directory,
            AuditLog audit,
            Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.keyedHash = keyedHash;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    Setup setUp(Account account) {
        String secret = Totp.newSecret();
        replaceSecret(account.id(), PENDING_PURPOSE, secret);
        return new Setup(secret, Totp.otpauthUri(ISSUER, account.username(), secret));
    }

    /** Confirms the pending secret with a code from the app; answers the recovery codes, shown only now. */
    @Transactional
    List<String> enable(Account account, String code) {
        String pending = vault.reveal(account.id(), PENDING_PURPOSE, SECRET_NAME)
                .orElseThrow(() -> new ApiProblem(NOT_SET_UP, "Start with POST /api/v1/me/2fa/setup."));
        OptionalLong step = Totp.verify(pending, code, clock.instant(), 0);
        if (step.isEmpty()) {
            throw new ApiProblem(
                    IdentityProblems.INVALID_CREDENTIALS,
                    "That code is not valid; check the app's clock.",
                    Map.of("field", "code"));
        }
        replaceSecret(account.id(), PURPOSE, pending);
        deleteSecret(account.id(), PENDING_PURPOSE);
        accounts.setTotp(account.id(), true, step.getAsLong(), clock.instant());
        List<String> codes = newRecoveryCodes(account);
        directory.evict(account.id());
        audit.record(
                AuditEventType.TWO_FACTOR_ENABLED,
                account.id().toString(),
                account.id().toString());
        return codes;
    }

    /**
     * Ten new recovery codes in place of the old ones, which stop working; confirmed with a current
     * TOTP code or an unused recovery code.
     */
    @Transactional
    List<String> replaceRecoveryCodes(Account account, String code) {
        if (!account.totpEnabled()) {
            throw new ApiProblem(NOT_SET_UP, "Turn on two-factor sign-in first: POST /api/v1/me/2fa/setup.");
        }
        if (!verify(account, code)) {
            throw new ApiProblem(
                    IdentityProblems.INVALID_CREDENTIALS, "That code is not valid.", Map.of("field", "code"));
        }
        List<String> codes = newRecoveryCodes(account);
        audit.record(
                AuditEventType.RECOVERY_CODES_REPLACED,
                account.id().toString(),
                account.id().toString());
        return codes;
    }

    private List<String> newRecoveryCodes(Account account) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(newRecoveryCode());
        }
        recoveryCodes.replaceAll(
                account.id(), codes.stream().map(this::hashRecoveryCode).toList());
        return codes;
    }

    @Transactional
    void disable(Account account, String code) {
        if (account.roles().contains(dev.sextant.platform.Role.ADMIN)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Two-factor sign-in is mandatory for administrators.");
        }
        if (!account.totpEnabled() || !verify(account, code)) {
            throw new ApiProblem(
                    IdentityProblems.INVALID_CREDENTIALS, "That code is not valid.", Map.of("field", "code"));
        }
        deleteSecret(account.id(), PURPOSE);
        recoveryCodes.deleteAll(account.id());
        accounts.setTotp(account.id(), false, 0, clock.instant());
        directory.evict(account.id());
        audit.record(
                AuditEventType.TWO_FACTOR_DISABLED,
                account.id().toString(),
                account.id().toString());
    }

    /** Turns two-factor sign-in off for the operator ({@code ./sextant user reset-2fa}): secrets and recovery codes go. */
    @Transactional
    void resetByOperator(UserId id) {
        clearSecondFactor(id);
        audit.record(AuditEventType.TWO_FACTOR_DISABLED, null, id.toString(), Map.of("by", "operator command"));
    }

    /** Secrets and recovery codes go, two-factor sign-in is off, and every session of the account ends. */
    private void clearSecondFactor(UserId id) {
        deleteSecret(id, PURPOSE);
        deleteSecret(id, PENDING_PURPOSE);
        recoveryCodes.deleteAll(id);
        accounts.setTotp(id, false, 0, clock.instant());
        accounts.bumpSecurityVersion(id, clock.instant());
        directory.evict(id);
    }

    /**
     * An administrator's reset of another account's second factor (a lost phone): secrets and
     * recovery codes go, every session ends, and the next sign-in must enrol again if the account
     * is an administrator. Answers false when there is no such account.
     */
    @Transactional
    boolean resetByAdministrator(UserId by, UserId id) {
        if (accounts.findById(id).isEmpty()) {
            return false;
        }
        clearSecondFactor(id);
        audit.record(AuditEventType.TWO_FACTOR_RESET, by.toString(), id.toString(), Map.of("by", "administrator"));
        return true;
    }

    /** A current TOTP code not used before, or an unused recovery code. */
    boolean verify(Account account, String code) {
        if (code == null) {
            return false;
        }
        String trimmed = code.strip();
        if (trimmed.matches("\\d{" + Totp.DIGITS + "}")) {
            return vault.reveal(account.id(), PURPOSE, SECRET_NAME)
                    .flatMap(secret -> {
                        OptionalLong step = Totp.verify(secret, trimmed, clock.instant(), account.totpLastStep());
                        return step.isPresent() ? java.util.Optional.of(step.getAsLong()) : java.util.Optional.empty();
                    })
                    .map(step -> accounts.advanceTotpStep(account.id(), step))
                    .orElse(false);
        }
        boolean recovered = recoveryCodes.consume(account.id(), hashRecoveryCode(trimmed), clock.instant());
        if (recovered) {
            audit.record(
                    AuditEventType.RECOVERY_CODE_USED,
                    account.id().toString(),
                    account.id().toString());
        }
        return recovered;
    }

    private String newRecoveryCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private String hashRecoveryCode(String code) {
        return keyedHash.hash(
                RECOVERY_DOMAIN, code.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", ""));
    }

    private void replaceSecret(UserId owner, String purpose, String secret) {
        deleteSecret(owner, purpose);
        vault.store(owner, purpose, SECRET_NAME, secret);
    }

    private void deleteSecret(UserId owner, String purpose) {
        vault.list(owner).stream().filter(s -> s.purpose().equals(purpose)).forEach(s -> vault.delete(owner, s.id()));
    }
}
