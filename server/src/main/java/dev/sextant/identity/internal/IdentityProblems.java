package dev.sextant.identity.internal;

import dev.sextant.platform.ProblemType;

/** Failures of sign-in and account management, with their stable problem types. */
final class IdentityProblems {

    static final ProblemType INVALID_CREDENTIALS = ProblemType.of("invalid-credentials", 401, "Invalid credentials");
    static final ProblemType INVALID_TOKEN = ProblemType.of("invalid-token", 401, "Invalid token");
    static final ProblemType LOGIN_THROTTLED = ProblemType.of("login-throttled", 429, "Too many failed logins");
    static final ProblemType REGISTRATION_CLOSED = ProblemType.of("registration-closed", 403, "Registration closed");
    static final ProblemType USERNAME_TAKEN = ProblemType.of("username-taken", 409, "Username taken");
    static final ProblemType TWO_FACTOR_REQUIRED =
            ProblemType.of("two-factor-required", 403, "Two-factor sign-in required");
    static final ProblemType PASSWORD_CHANGE_REQUIRED =
            ProblemType.of("password-change-required", 403, "Password change required");

    static final ProblemType LAST_ADMIN = ProblemType.of("last-admin", 409, "Last administrator");
    static final ProblemType ACCOUNT_DISABLED = ProblemType.of("account-disabled", 403, "Account disabled");
    static final ProblemType OWN_ACCOUNT = ProblemType.of("own-account", 409, "Own account");

    private IdentityProblems() {}
}
