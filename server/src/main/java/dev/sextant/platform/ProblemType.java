package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * A kind of failure a client can act on, with its stable RFC 9457 {@code type} URI, HTTP status and
 * short title. Clients switch on {@link #uri()}; the slug never changes once published.
 *
 * <p>Modules declare their own types next to the code that raises them; the platform's shared ones
 * are constants here. Immutable and thread-safe.
 */
public record ProblemType(String slug, int status, String title) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String URI_PREFIX = "urn:sextant:problem:";

    public static final ProblemType BAD_REQUEST = of("bad-request", 400, "Bad request");
    public static final ProblemType INVALID_PARAMETER = of("invalid-parameter", 400, "Invalid parameter");
    public static final ProblemType MALFORMED_BODY = of("malformed-body", 400, "Malformed request body");
    public static final ProblemType VALIDATION_FAILED = of("validation-failed", 400, "Validation failed");
    public static final ProblemType UNAUTHENTICATED = of("unauthenticated", 401, "Authentication required");
    public static final ProblemType FORBIDDEN = of("forbidden", 403, "Forbidden");
    public static final ProblemType NOT_FOUND = of("not-found", 404, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", 406, "Not acceptable");
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", 413, "Request body too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            of("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType TOO_MANY_REQUESTS = of("too-many-requests", 429, "Too many requests");
    public static final ProblemType INTERNAL_ERROR = of("internal-error", 500, "Internal error");
    /** The detail of an unexpected failure's answer: it tells nothing of the failure itself. */
    public static final String INTERNAL_ERROR_DETAIL =
            "The server failed to answer this request. Report the request id if it persists.";

    public static final ProblemType SERVICE_UNAVAILABLE = of("service-unavailable", 503, "Service unavailable");

    public ProblemType {
        if (!SLUG.matcher(Check.notNull(slug, "slug")).matches()) {
            throw new IllegalArgumentException("slug must be lower-case words joined by '-', was " + slug);
        }
        Check.inRange(status, 400, 599, "status");
        Check.notBlank(title, "title");
    }

    public static ProblemType of(String slug, int status, String title) {
        return new ProblemType(slug, status, title);
    }

    /** The {@code type} member of the problem document, e.g. {@code urn:sextant:problem:unknown-symbol}. */
    public URI uri() {
        return URI.create(URI_PREFIX + slug);
    }

    /** The shared type for a bare HTTP status, used when a failure has no more specific type. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : of("http-" + status, status, "HTTP " + status);
        };
    }
}
