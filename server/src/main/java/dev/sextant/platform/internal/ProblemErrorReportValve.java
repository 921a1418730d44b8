package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.SecurityHeaders;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report for the requests it refuses itself, before any servlet or filter runs:
 * a problem document with the security headers and a request id, in place of the HTML page.
 * Requests that reach the application never get here: their errors go to
 * {@link ProblemErrorController}, which writes them first.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    static final ProblemType MALFORMED_REQUEST = ProblemType.of("malformed-request", 400, "Malformed request");

    private final ProblemWriter problems;
    private final SecurityHeaders securityHeaders;
    private final RefusedRequestLog refusals;

    ProblemErrorReportValve(ProblemWriter problems, SecurityHeaders securityHeaders, RefusedRequestLog refusals) {
        this.problems = problems;
        this.securityHeaders = securityHeaders;
        this.refusals = refusals;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            RequestIdFilter.assign(request, response);
            securityHeaders.write(request, response);
            Refusal refusal = refusal(status, request.getRequestURI());
            refusals.refused(request, status, refusal.type().slug(), refusal.reason());
            response.resetBuffer();
            problems.write(request, response, refusal.type(), refusal.detail());
        } catch (IOException | RuntimeException unwritable) {
            // The client is gone or the connection is broken: nothing more can reach it.
            log.debug("Could not write the error answer: {}", unwritable.toString());
        }
    }

    private record Refusal(ProblemType type, String detail, String reason) {}

    private static Refusal refusal(int status, String rawPath) {
        if (status == 400 && suspiciousPath(rawPath)) {
            return new Refusal(
                    MALFORMED_REQUEST,
                    "The request path is not allowed: an encoded '/' or '\\', a NUL, a backslash, a '..' segment "
                            + "or percent-encoding that is not UTF-8. Send the path as the API documents it.",
                    "path");
        }
        if (status == 400) {
            return new Refusal(
                    MALFORMED_REQUEST,
                    "The request could not be read: its request line or headers are malformed or too large.",
                    "request line or headers");
        }
        ProblemType shared = ProblemType.forStatus(status);
        ProblemType type =
                shared.status() == status ? shared : ProblemType.of("http-" + status, status, "HTTP " + status);
        return new Refusal(type, type.title() + ".", "tomcat");
    }

    /** Whether the path holds what Tomcat refuses in one: percent-escapes, backslashes, dot segments. */
    private static boolean suspiciousPath(String rawPath) {
        return rawPath != null && (rawPath.contains("%") || rawPath.contains("\\") || rawPath.contains(".."));
    }
}
