package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refused cross-origin request answered as a problem document
 * ({@code 403 cors-refused}) instead of a plain-text "Invalid CORS request" without a content
 * type.
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    static final ProblemType CORS_REFUSED = ProblemType.of("cors-refused", 403, "Cross-origin request refused");

    private final ProblemWriter problems;

    ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(
            @Nullable CorsConfiguration configuration, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean accepted = super.processRequest(configuration, request, response);
        if (!accepted) {
            problems.write(
                    request,
                    response,
                    CORS_REFUSED,
                    "This origin, method or header may not call the API from a browser "
                            + "(sextant.http.cors-allowed-origins lists the origins that may).");
        }
        return accepted;
    }

    /** The refusal is written by {@link #processRequest}, which has the request to name in it. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {}
}
