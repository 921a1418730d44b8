package dev.sextant.platform;

import dev.sextant.analytics.check.Check;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client caused or can act on. The platform turns it into an
 * {@code application/problem+json} answer with the type's status; {@link #getMessage()} becomes the
 * {@code detail} member, so it must be written for the client and must never hold a secret.
 */
public final class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;
    private final Map<String, String> headers;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    /** {@code properties} become extension members of the problem document (e.g. the offending field). */
    public ApiProblem(ProblemType type, String detail, Map<String, ?> properties) {
        this(type, detail, properties, Map.of());
    }

    /** {@code headers} are added to the answer, e.g. {@code Retry-After} with a 429. */
    public ApiProblem(ProblemType type, String detail, Map<String, ?> properties, Map<String, String> headers) {
        super(Check.notBlank(detail, "detail"), null, false, false);
        this.type = Check.notNull(type, "type");
        this.properties = Map.copyOf(new LinkedHashMap<>(properties));
        this.headers = Map.copyOf(headers);
    }

    /**
     * The one mapping of a module's {@link DomainException} to a problem: its refusal's code and
     * title, the status its kind stands for, its details as extension members and its retry advice
     * as {@code Retry-After}.
     */
    public static ApiProblem from(DomainException refused) {
        Refusal refusal = refused.refusal();
        ProblemType type = ProblemType.of(refusal.code(), status(refusal.kind()), refusal.title());
        Map<String, String> headers = refused.retryAfter()
                .map(wait -> Map.of("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))))
                .orElse(Map.of());
        return new ApiProblem(type, refused.getMessage(), refused.details(), headers);
    }

    private static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID, TOO_LARGE -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    public static ApiProblem invalidParameter(String parameter, String detail) {
        return new ApiProblem(ProblemType.INVALID_PARAMETER, detail, Map.of("parameter", parameter));
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
