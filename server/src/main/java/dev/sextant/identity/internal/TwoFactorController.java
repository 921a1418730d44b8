package dev.sextant.identity.internal;

import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Turning two-factor sign-in (TOTP) on and off for the signed-in account. */
@RestController
@RequestMapping(path = "/api/v1/me/2fa", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Account")
@PreAuthorize("isAuthenticated() and !hasAuthority('" + Credentials.PASSWORD_CHANGE_REQUIRED + "')")
@SessionOnly
class TwoFactorController {

    record Code(@NotBlank @Size(max = 20) String code) {
        @Override
        public String toString() {
            return "Code[****]";
        }
    }

    record Enabled(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Enabled[****]";
        }
    }

    private final TwoFactor twoFactor;
    private final UserDirectory directory;

    TwoFactorController(TwoFactor twoFactor, UserDirectory directory) {
        this.twoFactor = twoFactor;
        this.directory = directory;
    }

    @PostMapping(path = "/setup", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Start two-factor set-up: a secret and otpauth:// URI for an authenticator app")
    TwoFactor.Setup setUp(@AuthenticationPrincipal AuthenticatedUser user) {
        return twoFactor.setUp(account(user));
    }

    @PostMapping(path = "/enable", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm with a code from the app; answers ten single-use recovery codes, shown only now")
    Enabled enable(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody Code code) {
        return new Enabled(twoFactor.enable(account(user), code.code()));
    }

    @PostMapping(path = "/recovery-codes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Replace the recovery codes: confirmed with a current code (or an unused recovery code); "
                    + "answers ten new single-use codes, shown only now, and the old ones stop working")
    Enabled replaceRecoveryCodes(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody Code code) {
        return new Enabled(twoFactor.replaceRecoveryCodes(account(user), code.code()));
    }

    @PostMapping(path = "/disable", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn two-factor sign-in off with a current code (not possible for administrators)")
    void disable(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody Code code) {
        twoFactor.disable(account(user), code.code());
    }

    private Account account(AuthenticatedUser user) {
        directory.evict(user.id());
        return directory
                .find(user.id())
                .orElseThrow(() -> new ApiProblem(IdentityProblems.INVALID_TOKEN, "The account no longer exists."));
    }
}
