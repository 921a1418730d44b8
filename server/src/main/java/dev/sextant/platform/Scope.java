package dev.sextant.platform;

import java.util.Optional;

/**
 * What a credential may be used for. A signed-in session holds every scope its role allows; an
 * API key holds only the scopes chosen when it was created. Endpoints state the one they need with
 * {@code @RequiresScope}; the table of every endpoint's scope is in {@code docs/SECURITY.md}.
 */
public enum Scope {
    /** Reads of market data: instruments, quotes, bars, search, fundamentals, universes, watchlists. */
    MARKET_DATA_READ("marketdata:read", Role.USER),
    /** Changes to market data: watchlists created, changed or deleted, bar imports, alerts stored or changed. */
    MARKET_DATA_WRITE("marketdata:write", Role.USER),
    /** Computations over market data: indicators, risk, rolling metrics, correlation, queries. */
    ANALYSIS("analysis", Role.USER),
    /** Reserved for trading; no endpoint needs it yet. */
    TRADING("trading", Role.USER),
    /** Administration: accounts, providers, the audit log. */
    ADMIN("admin", Role.ADMIN);

    private final String wireName;
    private final Role minimumRole;

    Scope(String wireName, Role minimumRole) {
        this.wireName = wireName;
        this.minimumRole = minimumRole;
    }

    public String wireName() {
        return wireName;
    }

    /** The Spring Security authority, e.g. {@code SCOPE_marketdata:read}. */
    public String authority() {
        return "SCOPE_" + wireName;
    }

    /** The least role an account needs for this scope to have any effect. */
    public Role minimumRole() {
        return minimumRole;
    }

    /** Every scope's wire name, in declaration order, e.g. for error messages. */
    public static java.util.List<String> wireNames() {
        return java.util.Arrays.stream(values()).map(Scope::wireName).toList();
    }

    public static Optional<Scope> fromWireName(String name) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
