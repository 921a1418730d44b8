package dev.sextant.audit;

/** What happened. Security events are always recorded; data-access events only when enabled. */
public enum AuditEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    REFRESH_TOKEN_REUSED,
    LOGOUT,
    LOGOUT_EVERYWHERE,
    PASSWORD_CHANGED,
    ACCOUNT_CREATED,
    ACCOUNT_DELETED,
    ROLE_CHANGED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_DISABLED,
    RECOVERY_CODE_USED,
    /** A user replaced their recovery codes with ten new ones (the old ones stopped working). */
    RECOVERY_CODES_REPLACED,
    /** An administrator disabled an account: none of its credentials works until it is enabled. */
    ACCOUNT_DISABLED,
    /** An administrator enabled a disabled account again. */
    ACCOUNT_ENABLED,
    /** An administrator cleared an account's second factor; it must enrol again. */
    TWO_FACTOR_RESET,
    AUDIT_LOG_READ,
    /** An administrator imported bars over a symbol another account owns (or that no account owns). */
    IMPORT_OVERRIDDEN,
    /** A tool that changes something was called through the tool catalog (by an MCP client, an agent). */
    TOOL_WRITE,
    /** A client registered itself for OAuth (RFC 7591), e.g. a remote MCP client. */
    OAUTH_CLIENT_REGISTERED,
    /** A user allowed (or denied) an OAuth client access with the scopes listed. */
    OAUTH_CONSENT,
    /** An OAuth access token was refused at /mcp (forged, expired, other audience, account gone). */
    OAUTH_TOKEN_REFUSED,
    /** A user stored a TRACK alert. */
    ALERT_CREATED,
    /** A user paused one of their alerts. */
    ALERT_PAUSED,
    /** A user resumed one of their alerts. */
    ALERT_RESUMED,
    /** A user deleted one of their alerts. */
    ALERT_DELETED,
    DATA_ACCESS;

    /** Whether this event is recorded only when data-access auditing is turned on. */
    public boolean isDataAccess() {
        return this == DATA_ACCESS;
    }
}
