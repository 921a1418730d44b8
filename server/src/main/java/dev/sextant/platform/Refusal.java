package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.util.regex.Pattern;

/**
 * A kind of refusal a module face can state, in domain terms: a stable code (the problem type's
 * slug on the wire, e.g. {@code unknown-symbol}), a short title, and what sort of refusal it is.
 * Modules declare their refusals as constants; no module decides an HTTP status or header: the
 * platform maps each {@link Kind} once ({@link ApiProblem#from(DomainException)}).
 */
public record Refusal(String code, String title, Kind kind) {

    // Before the constants below: they are checked against it as the class initialises.
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*");

    /** A parameter (a field, an argument) the face cannot use as given; the wire type of 400s. */
    public static final Refusal INVALID_PARAMETER = of("invalid-parameter", Kind.INVALID, "Invalid parameter");

    /** What sort of refusal; each maps to one HTTP status at the edge. */
    public enum Kind {
        /** The input is wrong: fix it and ask again (400). */
        INVALID,
        /** The credential does not allow it (403). */
        FORBIDDEN,
        /** No such thing, or not the caller's (404). */
        NOT_FOUND,
        /** It clashes with what exists (409). */
        CONFLICT,
        /**
         * Well formed, but it cannot be computed as asked: demo data meeting real data, a query
         * needing more computing than allowed (422).
         */
        UNPROCESSABLE,
        /** More than the limits allow in one request (413 for bodies, 400 otherwise: see the mapper). */
        TOO_LARGE,
        /** Too much in too little time: ask again later (429). */
        TOO_MANY,
        /** A dependency could not answer just now: ask again later (503). */
        UNAVAILABLE
    }

    public Refusal {
        Check.notNull(code, "code");
        Check.notBlank(title, "title");
        Check.notNull(kind, "kind");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be lower-case words joined by hyphens: " + code);
        }
    }

    public static Refusal of(String code, Kind kind, String title) {
        return new Refusal(code, title, kind);
    }
}
