package dev.sextant.identity.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts, for administrators: listed, created ("invite" registration: the new account gets a
 * one-time password, shown once in the answer, that its first sign-in must replace), their roles
 * changed, disabled and enabled, their second factor reset, deleted.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Accounts, for administrators.")
@PreAuthorize("hasRole('ADMIN')")
@RequiresScope(Scope.ADMIN)
class AdminAccountController {

    record NewAccount(
            @NotBlank @Size(max = 64) String username,
            @Size(max = 254) String email,
            @NotEmpty @Size(max = 3) List<@NotBlank String> roles) {}

    record CreatedAccount(String id, String username, List<String> roles, String oneTimePassword) {
        @Override
        public String toString() {
            return "CreatedAccount[" + id + ", " + username + ", oneTimePassword=****]";
        }
    }

    static final int MAX_PAGE_SIZE = 200;

    private final AccountService accounts;
    private final AccountListing listing;
    private final AuditLog audit;
    private final TwoFactor twoFactor;

    AdminAccountController(AccountService accounts, AccountListing listing, AuditLog audit, TwoFactor twoFactor) {
        this.accounts = accounts;
        this.listing = listing;
        this.audit = audit;
        this.twoFactor = twoFactor;
    }

    @GetMapping
    @Operation(
            summary = "Accounts in username order, a page at a time: roles, created, last sign-in, "
                    + "password change pending, two-factor on, locked after failed sign-ins, disabled")
    AccountListing.Page list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @Parameter(description = "Only usernames containing this (case-insensitive)")
                    @RequestParam(defaultValue = "")
                    @Size(max = 64)
                    String q) {
        return listing.page(q, page, size);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account with a one-time password (shown only in this answer)")
    CreatedAccount create(@AuthenticationPrincipal AuthenticatedUser admin, @Valid @RequestBody NewAccount account) {
        Set<Role> roles = parseRoles(account.roles());
        String oneTimePassword = OneTimePasswords.generate();
        UserId id = accounts.createAccount(account.username(), account.email(), oneTimePassword, roles, true);
        audit.record(
                AuditEventType.ACCOUNT_CREATED,
                admin.getName(),
                id.toString(),
                Map.of(
                        "roles",
                        roles.stream().map(Role::wireName).sorted().toList().toString()));
        return new CreatedAccount(
                id.toString(),
                account.username().strip().toLowerCase(Locale.ROOT),
                roles.stream().map(Role::wireName).toList(),
                oneTimePassword);
    }

    record RoleChange(@NotEmpty @Size(max = 3) List<@NotBlank String> roles) {}

    record AccountRoles(String id, List<String> roles) {}

    @PutMapping(path = "/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace an account's roles; effective on its next request")
    AccountRoles changeRoles(
            @AuthenticationPrincipal AuthenticatedUser admin,
            @PathVariable UUID id,
            @Valid @RequestBody RoleChange change) {
        Set<Role> roles = parseRoles(change.roles());
        accounts.changeRoles(admin.id(), new UserId(id), roles);
        List<String> names = roles.stream().map(Role::wireName).sorted().toList();
        audit.record(AuditEventType.ROLE_CHANGED, admin.getName(), id.toString(), Map.of("roles", names.toString()));
        return new AccountRoles(id.toString(), names);
    }

    private static Set<Role> parseRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.fromWireName(name)
                    .orElseThrow(() -> ApiProblem.invalidParameter(
                            "roles", "Unknown role '" + name + "'; use user, analyst or admin.")));
        }
        return roles;
    }

    record AccountState(String id, boolean disabled) {}

    @PostMapping("/{id}/disable")
    @Operation(
            summary = "Disable an account: it cannot sign in or refresh, and its sessions, API keys, OAuth "
                    + "tokens and streams stop working at once; not your own")
    AccountState disable(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID id) {
        accounts.disable(admin.id(), new UserId(id));
        audit.record(AuditEventType.ACCOUNT_DISABLED, admin.getName(), id.toString());
        return new AccountState(id.toString(), true);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled account again: it can sign in and its API keys work again")
    AccountState enable(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID id) {
        accounts.enable(new UserId(id));
        audit.record(AuditEventType.ACCOUNT_ENABLED, admin.getName(), id.toString());
        return new AccountState(id.toString(), false);
    }

    record TwoFactorState(String id, boolean twoFactorEnabled) {}

    @PostMapping("/{id}/2fa/reset")
    @Operation(
            summary = "Clear an account's second factor (a lost phone): its TOTP secret and recovery codes go, "
                    + "its sessions end, and it must enrol again (administrators before anything else)")
    TwoFactorState resetTwoFactor(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID id) {
        if (!twoFactor.resetByAdministrator(admin.id(), new UserId(id))) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "There is no account with that id.");
        }
        return new TwoFactorState(id.toString(), false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an account; its tokens stop working at once")
    void delete(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID id) {
        accounts.deleteAccount(new UserId(id));
        audit.record(AuditEventType.ACCOUNT_DELETED, admin.getName(), id.toString());
    }
}
