package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds every error answer the server gives, so that all of them share one shape: RFC 9457
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (the request path)
 * and {@code requestId}, plus any extension members. Nothing internal (class names, SQL, stack
 * frames) reaches it: callers pass only text written for the client.
 */
final class ProblemResponses {

    private ProblemResponses() {}

    static ProblemDetail problem(
            ProblemType type, String detail, HttpServletRequest request, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        String path = (String) request.getAttribute("jakarta.servlet.error.request_uri");
        instance(path != null ? path : request.getRequestURI()).ifPresent(problem::setInstance);
        properties.forEach(problem::setProperty);
        problem.setProperty("requestId", RequestIdFilter.requestId(request));
        return problem;
    }

    /** The path as a URI; none when Tomcat refused the request line before it knew a path. */
    private static Optional<URI> instance(String path) {
        if (path == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
