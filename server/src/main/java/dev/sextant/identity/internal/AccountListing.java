package dev.sextant.identity.internal;

import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The accounts as administrators list them, a page at a time in username order. Each entry says
 * who the account is and how it stands (roles, when it was made and last signed in, whether it
 * must change its password, whether two-factor sign-in is on, whether sign-in is held back after
 * failed attempts); never a password hash, TOTP secret or recovery code, which this never reads.
 */
@Component
class AccountListing {

    /**
     * @param lastSignInAt the last completed sign-in or password change, null if never
     * @param locked whether sign-in is refused just now after failed attempts (this node's back-off)
     * @param lockedUntil until when, null when not locked
     * @param disabled whether an administrator disabled the account (no credential of it works)
     */
    record ListedAccount(
            String id,
            String username,
            List<String> roles,
            Instant createdAt,
            Instant lastSignInAt,
            boolean passwordChangeRequired,
            boolean twoFactorEnabled,
            boolean locked,
            Instant lockedUntil,
            boolean disabled) {}

    record Page(List<ListedAccount> accounts, int page, int size, long total, boolean hasMore) {}

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final LoginThrottle throttle;

    AccountListing(AccountRepository accounts, RefreshTokenRepository refreshTokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    /** @param search part of the username to look for; blank lists every account */
    Page page(String search, int page, int size) {
        List<AccountRepository.Listed> found = accounts.page(search, (long) page * size, size + 1);
        boolean hasMore = found.size() > size;
        List<AccountRepository.Listed> shown = hasMore ? found.subList(0, size) : found;
        Map<UserId, Instant> lastSignIns = refreshTokens.lastSignIns(
                shown.stream().map(AccountRepository.Listed::id).toList());
        List<ListedAccount> listed = shown.stream()
                .map(account -> {
                    Instant lockedUntil =
                            throttle.blockedUntil(account.username()).orElse(null);
                    return new ListedAccount(
                            account.id().toString(),
                            account.username(),
                            account.roles().stream()
                                    .sorted()
                                    .map(Role::wireName)
                                    .toList(),
                            account.createdAt(),
                            lastSignIns.get(account.id()),
                            account.mustChangePassword(),
                            account.totpEnabled(),
                            lockedUntil != null,
                            lockedUntil,
                            account.disabled());
                })
                .toList();
        return new Page(listed, page, size, accounts.count(search), hasMore);
    }
}
