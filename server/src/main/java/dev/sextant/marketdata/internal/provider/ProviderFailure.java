package dev.sextant.marketdata.internal.provider;

/**
 * A provider could not answer. The arbitration scores the provider down and asks the next one; the
 * message is for logs and the admin view, so it never holds a key or a full URL with a key in it.
 */
public final class ProviderFailure extends RuntimeException {

    /** Why it failed: decides whether the failure counts against the provider. */
    public enum Kind {
        /** Network error, timeout, 5xx: the provider is unwell. */
        UNAVAILABLE,
        /** 429 or the provider's own "slow down" answer. */
        RATE_LIMITED,
        /** An answer that is not what it should be: HTML, NaN, negative volume, bars out of order. */
        BAD_DATA,
        /** The provider does not know the symbol: not its fault, not counted against it. */
        NOT_FOUND,
        /** The provider needs a key the caller does not have, or refused it: skipped, not counted. */
        NO_KEY,
        /** Sextant held the call back (circuit open, outbound budget used up, too many in flight). */
        SKIPPED
    }

    private final String provider;
    private final Kind kind;
    private final String reason;

    public ProviderFailure(String provider, Kind kind, String message) {
        super(provider + ": " + message, null, false, false);
        this.provider = provider;
        this.kind = kind;
        this.reason = message;
    }

    /** What went wrong, without the provider's name: safe to show a caller. */
    public String reason() {
        return reason;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this says something about the provider's health (and so trips its circuit). */
    public boolean countsAgainstProvider() {
        return kind == Kind.UNAVAILABLE || kind == Kind.BAD_DATA || kind == Kind.RATE_LIMITED;
    }
}
