package dev.sextant.identity;

import java.util.Optional;

/**
 * What a credential may be used for. A signed-in session holds every scope its role allows; an
 * API key holds only the scopes chosen when it was created. Endpoints check them with
 * {@code hasAuthority('SCOPE_marketdata:read')} and the like.
 */
public enum Scope {
    MARKET_DATA_READ("marketdata:read", Role.USER),
    ANALYSIS("analysis", Role.USER),
    TRADING("trading", Role.USER),
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

    public static Optional<Scope> fromWireName(String name) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
