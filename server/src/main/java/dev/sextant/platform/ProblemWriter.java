package dev.sextant.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a problem document straight to a response, for code that runs before Spring MVC (servlet
 * filters, Spring Security's entry points, rate limiters). Inside controllers, throw
 * {@link ApiProblem} instead. The document has the same shape as every other error answer.
 */
public interface ProblemWriter {

    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            Map<String, ?> properties)
            throws IOException;

    default void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        write(request, response, type, detail, Map.of());
    }

    /** An {@link ApiProblem} raised before Spring MVC, answered as the MVC layer answers one. */
    default void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
            throws IOException {
        problem.headers().forEach(response::setHeader);
        write(request, response, problem.type(), problem.getMessage(), problem.properties());
    }
}
