package dev.sextant.web.internal;

import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.web.WebApp;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the app: its page at {@code /} (for a browser; an API client asking for JSON, or for
 * anything, gets the welcome document that says where the API lives) and at each of its routes,
 * and its assets under {@code /assets/}.
 */
@RestController
@PermitAll
@Hidden
class WebAppController {

    static final Refusal NO_SUCH_ASSET = Refusal.of("not-found", Refusal.Kind.NOT_FOUND, "Not found");

    private static final String ONE_YEAR = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    record Welcome(String name, String app, String docs, String openapi, String health, String metrics) {}

    private final WebAssetSource source;
    private final ContentSecurityPolicy policy;

    WebAppController(WebAssetSource source, ContentSecurityPolicy policy) {
        this.source = source;
        this.policy = policy;
    }

    @GetMapping("/")
    Object root(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!asksForHtml(request)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Welcome("Sextant", "/", "/api/docs", "/api/openapi.json", "/health", "/metrics"));
        }
        page(request, response);
        return null;
    }

    @GetMapping({
        "/sign-in",
        "/register",
        "/markets",
        "/markets/**",
        "/watchlists",
        "/watchlists/**",
        "/alerts",
        "/alerts/**",
        "/query",
        "/imports",
        "/account",
        "/account/**",
        "/admin",
        "/admin/**"
    })
    void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebAssets assets = source.assets();
        response.setHeader("Content-Security-Policy", policy.forPage(assets));
        write(request, response, assets.page(), REVALIDATE);
    }

    @GetMapping(WebApp.ASSETS + "**")
    void asset(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(WebApp.ASSETS.length());
        WebAssets.Served served = source.assets()
                .find(path)
                .orElseThrow(() -> new DomainException(NO_SUCH_ASSET, "No asset at /assets/" + path + "."));
        write(request, response, served.asset(), served.immutable() ? ONE_YEAR : REVALIDATE);
    }

    @GetMapping("/favicon.ico")
    void favicon(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebAsset icon = source.assets().find("favicon.ico").orElseThrow().asset();
        write(request, response, icon, "public, max-age=86400");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, WebAsset asset, String caching)
            throws IOException {
        // The gzip body and the plain one are two representations: each has its own entity tag
        // (RFC 9110 8.8.3), so a cache never answers one with the other's validator.
        boolean gzip = asset.gzipped() != null && acceptsGzip(request);
        String etag = gzip ? asset.gzipEtag() : asset.etag();
        response.setHeader(HttpHeaders.CACHE_CONTROL, caching);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setContentType(asset.contentType());
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? asset.gzipped() : asset.bytes();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether an {@code If-None-Match} list names this tag (weak comparison, as RFC 9110 13.1.2 asks). */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return encodings != null && encodings.contains("gzip");
    }
}
