package dev.sextant.identity.internal;

import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sign-in on a server-rendered page (the OAuth authorization step): the same password check,
 * second factor, back-off and audit as {@code POST /api/v1/auth/login}, without issuing the API's
 * tokens. Accounts that may do nothing yet (a password change or two-factor enrolment pending)
 * are turned away with a reason to show.
 */
@Component
public class InteractiveSignIn {

    private static final Map<String, String> VIA_OAUTH = Map.of("via", "oauth");

    /** Where a sign-in stands after a step. */
    public sealed interface Step {}

    /** Every factor passed. */
    public record SignedIn(UserId user, String username, Role role) implements Step {}

    /** The password was right; a TOTP or recovery code must follow. */
    public record SecondFactorNeeded(UserId user, int securityVersion) implements Step {}

    /** The account cannot sign in here yet: why, in words for the page. */
    public record Blocked(String reason) implements Step {}

    /** An account as the token issuer needs it: still there, still current, its highest role. */
    public record Standing(UserId user, int securityVersion, Role role, boolean usable) {}

    private final AccountService accounts;
    private final UserDirectory directory;

    InteractiveSignIn(AccountService accounts, UserDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    /**
     * @throws ApiProblem when throttled or the credentials are wrong (its message is fit to show)
     */
    public Step password(String username, String password, String clientAddress) {
        Account account = accounts.checkPassword(username, password, clientAddress);
        if (account.totpEnabled()) {
            return new SecondFactorNeeded(account.id(), account.securityVersion());
        }
        return complete(account, VIA_OAUTH);
    }

    /**
     * @throws ApiProblem when throttled, the code is wrong, or the account changed since the password step
     */
    public Step secondFactor(SecondFactorNeeded pending, String code, String clientAddress) {
        Account account = directory
                .find(pending.user())
                .filter(found -> found.securityVersion() == pending.securityVersion())
                .orElseThrow(() -> new ApiProblem(
                        IdentityProblems.INVALID_TOKEN, "This sign-in is no longer valid. Start again."));
        accounts.checkSecondFactor(account, code, clientAddress);
        return complete(account, Map.of("via", "oauth", "factors", "2"));
    }

    private Step complete(Account account, Map<String, String> details) {
        if (account.mustChangePassword()) {
            return new Blocked("This account must set a new password first. Sign in to Sextant itself, "
                    + "change the password, then connect this application again.");
        }
        if (account.mustEnrolSecondFactor()) {
            return new Blocked("Administrators must turn on two-factor sign-in before anything else. "
                    + "Do that in Sextant itself, then connect this application again.");
        }
        accounts.signedIn(account, details);
        return new SignedIn(account.id(), account.username(), highestRole(account));
    }

    /** The account's standing now, for tokens issued or refreshed on its behalf. */
    public Optional<Standing> standing(UserId user) {
        return directory
                .find(user)
                .map(account -> new Standing(
                        account.id(),
                        account.securityVersion(),
                        highestRole(account),
                        !account.mustChangePassword() && !account.mustEnrolSecondFactor()));
    }

    private static Role highestRole(Account account) {
        return account.roles().stream()
                .max(Comparator.comparingInt(Role::ordinal))
                .orElse(Role.USER);
    }
}
