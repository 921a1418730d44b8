package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Serialises the same problem document as the MVC handlers, for code that runs before them. */
@Component
class JsonProblemWriter implements ProblemWriter {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            Map<String, ?> properties)
            throws IOException {
        ProblemDetail problem = ProblemResponses.problem(type, detail, request, properties);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", problem.getType().toString());
        document.put("title", problem.getTitle());
        document.put("status", problem.getStatus());
        document.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            document.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            document.putAll(problem.getProperties());
        }
        response.setStatus(type.status());
        // UTF-8 bytes and no charset parameter (JSON has none), as the MVC error answers have.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(document));
    }
}
