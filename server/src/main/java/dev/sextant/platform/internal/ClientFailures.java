package dev.sextant.platform.internal;

import dev.sextant.platform.ProblemType;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Exceptions that mean the request was malformed, not that the server failed, wherever they are
 * thrown (a filter, a controller, the container): each becomes a 4xx problem and a short log
 * line instead of a 500 with a stack trace. Their messages are never shown: they may quote the
 * hostile input.
 */
final class ClientFailures {

    record ClientFailure(ProblemType type, String detail, String reason) {}

    private ClientFailures() {}

    /** What the client did wrong, when this failure (or one of its causes) says so. */
    static Optional<ClientFailure> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<ClientFailure> known = known(cause);
            if (known.isPresent()) {
                return known;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<ClientFailure> known(Throwable failure) {
        return switch (failure) {
            case InvalidParameterException invalid
            when invalid.getErrorCode() == 413 ->
                Optional.of(new ClientFailure(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request's parameters or form fields exceed the server's limit.",
                        "parameters too large"));
            case InvalidParameterException invalid ->
                Optional.of(new ClientFailure(
                        ProblemType.INVALID_PARAMETER,
                        "The request's parameters or form fields could not be read: they are not "
                                + "percent-encoded UTF-8, or there are too many of them.",
                        "parameter encoding"));
            case MaxUploadSizeExceededException tooLarge ->
                Optional.of(new ClientFailure(
                        ProblemType.PAYLOAD_TOO_LARGE, "The uploaded file exceeds the server's limit.", "upload size"));
            case MultipartException unreadable ->
                Optional.of(new ClientFailure(
                        ProblemType.MALFORMED_BODY,
                        "The multipart body could not be read: send 'Content-Type: multipart/form-data; "
                                + "boundary=...' and a body in that form.",
                        "multipart"));
            default -> Optional.empty();
        };
    }
}
