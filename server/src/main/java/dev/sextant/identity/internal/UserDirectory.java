package dev.sextant.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.platform.UserId;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Accounts as the per-request authentication needs them, cached briefly so that a token check
 * rarely touches the database. Changes made on this node evict at once; the short expiry bounds
 * how long another node may act on an older state.
 */
@Component
class UserDirectory {

    static final Duration MAX_STALENESS = Duration.ofSeconds(5);

    private final AccountRepository accounts;
    private final Cache<UserId, Optional<Account>> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(MAX_STALENESS)
            .build();

    UserDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account, unless it is gone or disabled: no credential of a disabled account works. */
    Optional<Account> find(UserId id) {
        return cache.get(id, accounts::findById).filter(account -> !account.disabled());
    }

    void evict(UserId id) {
        cache.invalidate(id);
    }
}
