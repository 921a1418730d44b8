package dev.sextant.alerts;

import dev.sextant.platform.Refusal;

/** Why the alerts face refuses; the codes are problem types on the wire. */
public final class AlertRefusals {

    /** No such alert, or another user's: the same answer, so ids reveal nothing. */
    public static final Refusal NOT_FOUND = Refusal.of("not-found", Refusal.Kind.NOT_FOUND, "Not found");

    /** One alert more than {@code sextant.alerts.max-per-user}. */
    public static final Refusal TOO_MANY_ALERTS =
            Refusal.of("too-many-alerts", Refusal.Kind.CONFLICT, "Too many alerts");

    /** A TRACK sent with a credential that may not write (an API key without {@code marketdata:write}). */
    public static final Refusal INSUFFICIENT_SCOPE =
            Refusal.of("insufficient-scope", Refusal.Kind.FORBIDDEN, "Insufficient scope");

    private AlertRefusals() {}
}
