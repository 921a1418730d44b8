package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.SessionOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, token refresh, sign-out and self-registration. */
@RestController
@RequestMapping(
        path = "/api/v1/auth",
        produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authentication", description = "Sign in, refresh tokens, sign out.")
class AuthController {

    // Bounds checked before any hashing, so that an oversized password costs nothing.
    record LoginRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            // People type passwords into the username field: neither is fit for a log line.
            return "LoginRequest[****]";
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[****]";
        }
    }

    record RegisterRequest(
            @NotBlank @Size(max = 64) String username,
            @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "RegisterRequest[" + username + ", password=****]";
        }
    }

    record TokenResponse(
            String accessToken, String refreshToken, long expiresIn, String tokenType, boolean passwordChangeRequired) {
        static TokenResponse of(AccountService.Tokens tokens) {
            return new TokenResponse(
                    tokens.accessToken(),
                    tokens.refreshToken(),
                    tokens.expiresIn(),
                    "Bearer",
                    tokens.passwordChangeRequired());
        }
    }

    /**
     * What a sign-in page needs to know before anyone signs in.
     *
     * @param registration {@code open} when anyone may create an account here, else {@code closed}
     * @param administratorsCreateAccounts whether an administrator can create one (registration by
     *     invitation); false when the server takes no new accounts at all
     */
    record SignInOptions(String registration, boolean administratorsCreateAccounts) {}

    private final AccountService accounts;
    private final IdentityMetrics metrics;
    private final RegistrationProperties registration;

    AuthController(AccountService accounts, IdentityMetrics metrics, RegistrationProperties registration) {
        this.accounts = accounts;
        this.metrics = metrics;
        this.registration = registration;
    }

    @GetMapping(path = "/options", consumes = MediaType.ALL_VALUE)
    @PermitAll
    @Operation(
            summary = "Whether this server takes self-registrations ({\"registration\": \"open\"} or \"closed\"), "
                    + "for the sign-in page")
    SignInOptions options() {
        RegistrationProperties.RegistrationMode mode = registration.registration();
        return new SignInOptions(
                mode == RegistrationProperties.RegistrationMode.OPEN ? "open" : "closed",
                mode != RegistrationProperties.RegistrationMode.CLOSED);
    }

    record SecondFactorResponse(boolean mfaRequired, String mfaToken) {
        @Override
        public String toString() {
            return "SecondFactorResponse[****]";
        }
    }

    record SecondFactorRequest(
            @NotBlank @Size(max = 2000) String mfaToken,
            @NotBlank @Size(max = 20) String code) {
        @Override
        public String toString() {
            return "SecondFactorRequest[****]";
        }
    }

    @PostMapping("/login")
    @PermitAll
    @Operation(
            summary = "Sign in with username and password; answers the token pair, or with two-factor "
                    + "sign-in {mfaRequired: true, mfaToken} for POST /api/v1/auth/login/mfa")
    Object login(@Valid @RequestBody LoginRequest login, HttpServletRequest request) {
        return switch (metrics.countingFailures(
                IdentityMetrics.SignInStep.PASSWORD,
                () -> accounts.login(login.username(), login.password(), request.getRemoteAddr()))) {
            case AccountService.Tokens tokens -> TokenResponse.of(tokens);
            case AccountService.SecondFactorRequired ticket -> new SecondFactorResponse(true, ticket.mfaToken());
        };
    }

    @PostMapping("/login/mfa")
    @PermitAll
    @Operation(summary = "Second step of a two-factor sign-in: the ticket and a TOTP or recovery code")
    TokenResponse loginSecondFactor(@Valid @RequestBody SecondFactorRequest step, HttpServletRequest request) {
        return TokenResponse.of(metrics.countingFailures(
                IdentityMetrics.SignInStep.SECOND_FACTOR,
                () -> accounts.loginSecondFactor(step.mfaToken(), step.code(), request.getRemoteAddr())));
    }

    @PostMapping("/refresh")
    @PermitAll
    @Operation(summary = "Trade a refresh token for a new pair; each refresh token works once")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest refresh) {
        return TokenResponse.of(metrics.countingFailures(
                IdentityMetrics.SignInStep.REFRESH, () -> accounts.refresh(refresh.refreshToken())));
    }

    @PostMapping("/logout")
    @PermitAll
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: revoke this refresh token and every token refreshed from the same sign-in")
    void logout(@Valid @RequestBody RefreshRequest refresh) {
        accounts.logout(refresh.refreshToken());
    }

    /** {@code keepApiKeys}: absent or false revokes the account's API keys too. */
    record LogoutEverywhereRequest(Boolean keepApiKeys) {}

    record LoggedOutEverywhere(ApiKeyFate apiKeys) {}

    @PostMapping(path = "/logout-all", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("isAuthenticated()")
    @SessionOnly
    @Operation(
            summary = "Sign out everywhere: every access and refresh token of the account stops working, and "
                    + "its API keys are revoked unless the body says {\"keepApiKeys\": true}")
    LoggedOutEverywhere logoutEverywhere(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestBody(required = false) LogoutEverywhereRequest request) {
        boolean keep = request != null && Boolean.TRUE.equals(request.keepApiKeys());
        return new LoggedOutEverywhere(ApiKeyFate.of(accounts.logoutEverywhere(user.id(), keep)));
    }

    @PostMapping("/register")
    @PermitAll
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account (only when SEXTANT_REGISTRATION=open)")
    Map<String, String> register(@Valid @RequestBody RegisterRequest register) {
        return Map.of(
                "id",
                accounts.register(register.username(), register.email(), register.password())
                        .toString());
    }
}
