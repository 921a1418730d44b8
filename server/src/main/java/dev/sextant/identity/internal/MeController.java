package dev.sextant.identity.internal;

import dev.sextant.identity.AnyCredential;
import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account: who it is, and changing its password. */
@RestController
@RequestMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Account", description = "The signed-in account.")
@PreAuthorize("isAuthenticated()")
class MeController {

    /** @param twoFactorEnabled whether sign-in asks for a second factor (a TOTP or recovery code) */
    record Me(
            String id, String username, List<String> roles, boolean passwordChangeRequired, boolean twoFactorEnabled) {}

    /** {@code keepApiKeys}: absent or false revokes the account's API keys with the old password. */
    record PasswordChange(
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword,
            Boolean keepApiKeys) {
        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    /** The token pair of {@link AuthController.TokenResponse}, and what became of the API keys. */
    record PasswordChanged(
            String accessToken,
            String refreshToken,
            long expiresIn,
            String tokenType,
            boolean passwordChangeRequired,
            ApiKeyFate apiKeys) {
        @Override
        public String toString() {
            return "PasswordChanged[****]";
        }
    }

    private final AccountService accounts;
    private final UserDirectory directory;

    MeController(AccountService accounts, UserDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping
    @AnyCredential
    @Operation(summary = "Who the access token belongs to")
    Me me(@AuthenticationPrincipal AuthenticatedUser user) {
        Optional<Account> account = directory.find(user.id());
        return new Me(
                user.id().toString(),
                user.username(),
                user.roles().stream().sorted().map(Role::wireName).toList(),
                account.map(Account::mustChangePassword).orElse(false),
                account.map(Account::totpEnabled).orElse(false));
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SessionOnly
    @Operation(
            summary = "Change the password; every other session ends, the API keys are revoked unless "
                    + "keepApiKeys is true, and a new token pair is returned")
    PasswordChanged changePassword(
            @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody PasswordChange change) {
        AccountService.PasswordChanged changed = accounts.changePassword(
                user.id(), change.currentPassword(), change.newPassword(), Boolean.TRUE.equals(change.keepApiKeys()));
        AccountService.Tokens tokens = changed.tokens();
        return new PasswordChanged(
                tokens.accessToken(),
                tokens.refreshToken(),
                tokens.expiresIn(),
                "Bearer",
                tokens.passwordChangeRequired(),
                ApiKeyFate.of(changed.apiKeys()));
    }
}
