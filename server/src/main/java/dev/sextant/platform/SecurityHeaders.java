package dev.sextant.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of every answer, in one list that every layer writes (the platform's filter
 * ahead of all others, Spring Security's chain, the hot read path, and Tomcat's own error answers
 * for requests it refuses before any servlet sees them), so none can drift from the others: no
 * MIME sniffing, no caching (but for the web app's static files, which say how long they keep), no
 * framing, no referrer, a strict content security policy, and HSTS on requests that arrived over TLS. Each writer leaves a header alone that is already set. Immutable
 * and thread-safe.
 */
public final class SecurityHeaders {

    // Swagger UI's policy, and that of every answer but the web app's page, which sets a stricter one.
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final long ONE_YEAR_SECONDS = 31_536_000;

    private final List<HeaderWriter> writers = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new DelegatingRequestMatcherHeaderWriter(
                    request -> !isStaticFile(request.getRequestURI()), new CacheControlHeadersWriter()),
            // A static file's answer says itself how long it keeps; until it does (and on any refusal
            // there: a 404, a 401 for a bad token), nothing may store it.
            new DelegatingRequestMatcherHeaderWriter(
                    request -> isStaticFile(request.getRequestURI()), SecurityHeaders::noStoreUnlessSet),
            new HstsHeaderWriter(ONE_YEAR_SECONDS, true),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER));

    /** The web app's static files: its assets, whose names change with their content, and the icon. */
    private static boolean isStaticFile(@Nullable String path) {
        // No path at all on a request Tomcat could not parse, which its error valve answers.
        return path != null && (path.startsWith("/assets/") || path.equals("/favicon.ico"));
    }

    private static void noStoreUnlessSet(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** The writers, for Spring Security's header configuration. */
    public List<HeaderWriter> writers() {
        return writers;
    }

    public void write(HttpServletRequest request, HttpServletResponse response) {
        writers.forEach(writer -> writer.writeHeaders(request, response));
    }
}
