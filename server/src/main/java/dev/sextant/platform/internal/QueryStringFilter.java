package dev.sextant.platform.internal;

import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, on every route and before authentication, a query string that is not well-formed
 * percent-encoded UTF-8 or that holds a NUL: {@code 400 invalid-parameter} naming the parameter.
 * Tomcat would otherwise throw when the first component reads a parameter, wherever that is.
 * Checks the raw query string itself, so it never reads a request body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryStringFilter extends OncePerRequestFilter {

    private static final int MAX_NAME = 64;

    private final ProblemWriter problems;
    private final RefusedRequestLog refusals;

    QueryStringFilter(ProblemWriter problems, RefusedRequestLog refusals) {
        this.problems = problems;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiProblem> refused = check(request.getQueryString());
        if (refused.isPresent()) {
            refusals.refused(request, 400, ProblemType.INVALID_PARAMETER.slug(), "query string encoding");
            problems.write(request, response, refused.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The problem with this raw query string, if any. */
    static Optional<ApiProblem> check(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = decode(rawName);
            if (name.isEmpty()) {
                return Optional.of(new ApiProblem(
                        ProblemType.INVALID_PARAMETER,
                        "A query parameter's name is not percent-encoded UTF-8 text without NUL characters."));
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)).isEmpty()) {
                String shown = RefusedRequestLog.printable(name.get(), MAX_NAME);
                return Optional.of(ApiProblem.invalidParameter(
                        shown,
                        "The parameter '" + shown + "' is not percent-encoded UTF-8 text without NUL characters."));
            }
        }
        return Optional.empty();
    }

    /** The text of a percent-encoded form component, or empty when it is malformed, not UTF-8 or holds a NUL. */
    private static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                // Tomcat refuses raw non-ASCII in the request line; should one pass, it is text already.
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
