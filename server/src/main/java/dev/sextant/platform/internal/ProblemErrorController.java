package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch (failures outside Spring MVC: filters, the
 * container itself) in the same problem format as every other error, replacing Spring Boot's
 * default error page.
 */
@RestController
@PermitAll
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final RefusedRequestLog refusals;

    ProblemErrorController(RefusedRequestLog refusals) {
        this.refusals = refusals;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Without a status the client asked for /error itself: there is no such endpoint.
        int status = code == null ? 404 : code instanceof Integer value && value >= 400 ? value : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Optional<ClientFailures.ClientFailure> client =
                failure instanceof Throwable throwable ? ClientFailures.of(throwable) : Optional.empty();
        if (client.isPresent()) {
            ClientFailures.ClientFailure known = client.get();
            refusals.refused(request, known.type().status(), known.type().slug(), known.reason());
            return answer(known.type(), known.detail(), request);
        }
        if (failure instanceof Throwable throwable) {
            log.error(
                    "Failure outside the MVC layer answering {}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    throwable);
        }
        ProblemType type = ProblemType.forStatus(status);
        Object detail = request.getAttribute(BodySizeLimitFilter.TOO_LARGE_DETAIL);
        return answer(type, detail != null ? detail.toString() : type.title() + ".", request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemType type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(type, detail, request, Map.of());
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
