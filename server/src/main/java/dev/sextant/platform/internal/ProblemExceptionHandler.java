package dev.sextant.platform.internal;

import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches Spring MVC into the one problem format. Spring's own
 * exceptions keep their status but get Sextant's type, a message written for the client and the
 * request id; anything unexpected becomes a 500 whose details go to the log, never to the client.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final long maxBodyBytes;
    private final RefusedRequestLog refusals;

    ProblemExceptionHandler(PlatformProperties properties, RefusedRequestLog refusals) {
        this.maxBodyBytes = properties.http().maxBodySize().toBytes();
        this.refusals = refusals;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::add);
        return respond(problem.type(), problem.getMessage(), request, problem.properties(), headers);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domainException(DomainException refused, HttpServletRequest request) {
        return apiProblem(ApiProblem.from(refused), request);
    }

    /**
     * Access decisions made inside a controller (method security) go back to Spring Security, which
     * knows whether the caller is anonymous (401) or lacks a right (403).
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowToSecurity(RuntimeException denied) {
        throw denied;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, HttpServletRequest request) {
        var client = ClientFailures.of(failure);
        if (client.isPresent()) {
            refusals.refused(
                    request,
                    client.get().type().status(),
                    client.get().type().slug(),
                    client.get().reason());
            return respond(client.get().type(), client.get().detail(), request, Map.of(), HttpHeaders.EMPTY);
        }
        log.error("Unhandled failure answering {} {}", request.getMethod(), request.getRequestURI(), failure);
        return respond(
                ProblemType.INTERNAL_ERROR, ProblemType.INTERNAL_ERROR_DETAIL, request, Map.of(), HttpHeaders.EMPTY);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest webRequest) {
        HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
        Described described = describe(ex, statusCode.value(), request);
        if (described.type().status() >= 500) {
            log.error("Failure answering {} {}", request.getMethod(), request.getRequestURI(), ex);
        }
        return respond(described.type(), described.detail(), request, described.properties(), headers);
    }

    private record Described(ProblemType type, String detail, Map<String, ?> properties) {
        Described(ProblemType type, String detail) {
            this(type, detail, Map.of());
        }
    }

    private Described describe(Exception ex, int status, HttpServletRequest request) {
        return switch (ex) {
            case HttpMessageNotReadableException unreadable -> describeUnreadable(unreadable);
            case MethodArgumentNotValidException invalid ->
                new Described(
                        ProblemType.VALIDATION_FAILED,
                        "The request body has invalid fields.",
                        Map.of(
                                "errors",
                                invalid.getFieldErrors().stream()
                                        .map(e -> Map.of(
                                                "field",
                                                e.getField(),
                                                "message",
                                                String.valueOf(e.getDefaultMessage())))
                                        .toList()));
            case HandlerMethodValidationException invalid ->
                new Described(
                        ProblemType.VALIDATION_FAILED,
                        "The request has invalid parameters.",
                        Map.of(
                                "errors",
                                invalid.getParameterValidationResults().stream()
                                        .flatMap(result -> result.getResolvableErrors().stream()
                                                .map(e -> Map.of(
                                                        "parameter",
                                                        result.getMethodParameter()
                                                                .getParameterName(),
                                                        "message",
                                                        String.valueOf(e.getDefaultMessage()))))
                                        .toList()));
            case MissingServletRequestParameterException missing ->
                new Described(
                        ProblemType.INVALID_PARAMETER,
                        "The parameter '" + missing.getParameterName() + "' is required.",
                        Map.of("parameter", missing.getParameterName()));
            case TypeMismatchException mismatch -> describeMismatch(mismatch);
            case HttpMediaTypeNotSupportedException unsupported ->
                new Described(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "This endpoint does not accept "
                                + (unsupported.getContentType() == null
                                        ? "a body without a Content-Type"
                                        : "Content-Type '" + unsupported.getContentType() + "'")
                                + "; send one of: " + mediaTypes(unsupported.getSupportedMediaTypes()) + ".",
                        Map.of(
                                "supported",
                                unsupported.getSupportedMediaTypes().stream()
                                        .map(MediaType::toString)
                                        .toList()));
            case HttpMediaTypeNotAcceptableException notAcceptable ->
                new Described(
                        ProblemType.NOT_ACCEPTABLE,
                        "This endpoint answers with: " + mediaTypes(notAcceptable.getSupportedMediaTypes()) + ".");
            case HttpRequestMethodNotSupportedException method ->
                new Described(
                        ProblemType.METHOD_NOT_ALLOWED,
                        "Method " + method.getMethod() + " is not allowed on " + request.getRequestURI() + ".");
            case NoResourceFoundException notFound -> noEndpoint(request);
            case NoHandlerFoundException notFound -> noEndpoint(request);
            default ->
                new Described(
                        ProblemType.forStatus(status),
                        ProblemType.forStatus(status).title() + ".");
        };
    }

    private static Described noEndpoint(HttpServletRequest request) {
        return new Described(
                ProblemType.NOT_FOUND,
                "There is no endpoint " + request.getMethod() + " " + request.getRequestURI()
                        + ". The API is described at /api/docs.");
    }

    private Described describeUnreadable(HttpMessageNotReadableException ex) {
        Map<String, Object> where = new LinkedHashMap<>();
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return new Described(ProblemType.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.limitMessage(maxBodyBytes));
            }
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                return new Described(
                        ProblemType.MALFORMED_BODY,
                        cause instanceof TextInputModule.NotTextException
                                ? "The field '" + field + "' holds a NUL character or an unpaired surrogate: "
                                        + "send Unicode text."
                                : "The field '" + field + "' has a value of the wrong type or form.",
                        Map.of("field", field));
            }
            if (cause instanceof JacksonException jackson && jackson.getLocation() != null) {
                TokenStreamLocation location = jackson.getLocation();
                where.put("line", location.getLineNr());
                where.put("column", location.getColumnNr());
            }
        }
        return new Described(
                ProblemType.MALFORMED_BODY,
                where.isEmpty()
                        ? "The request body is missing or is not valid JSON."
                        : "The request body is not valid JSON (line " + where.get("line") + ", column "
                                + where.get("column") + ").",
                where);
    }

    private static Described describeMismatch(TypeMismatchException mismatch) {
        String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
        Class<?> required = mismatch.getRequiredType();
        String expected = required == null
                ? "a different kind of value"
                : required == java.time.LocalDate.class
                        ? "a date like 2024-01-31"
                        : required == java.time.Instant.class
                                ? "a time like 2024-01-31T14:30:00Z"
                                : Number.class.isAssignableFrom(required) || required.isPrimitive()
                                        ? "a number"
                                        : required.isEnum()
                                                ? "one of " + List.of(required.getEnumConstants())
                                                : "a " + required.getSimpleName();
        return new Described(
                ProblemType.INVALID_PARAMETER,
                "The parameter '" + name + "' must be " + expected + ".",
                Map.of("parameter", name));
    }

    private static String mediaTypes(List<MediaType> types) {
        return types.isEmpty()
                ? "none"
                : types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }

    private static ResponseEntity<Object> respond(
            ProblemType type,
            String detail,
            HttpServletRequest request,
            Map<String, ?> properties,
            HttpHeaders headers) {
        log.debug("{} {} answered {} {}", request.getMethod(), request.getRequestURI(), type.status(), type.slug());
        ProblemDetail problem = ProblemResponses.problem(type, detail, request, properties);
        return ResponseEntity.status(type.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
