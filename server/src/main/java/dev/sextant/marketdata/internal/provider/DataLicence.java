package dev.sextant.marketdata.internal.provider;

/** Who may see data a provider delivered. */
public enum DataLicence {
    /** Free public data: cached once and served to every user of this server. */
    SHARED,
    /**
     * Bought with a user's own key (BYOK): served only to that user, and cached under that user only.
     * Data fetched with a key from the server's configuration belongs to the operator, who shares it.
     */
    KEY_OWNER_ONLY
}
