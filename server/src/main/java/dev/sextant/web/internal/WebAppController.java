package dev.sextant.web.internal;

import dev.sextant.platform.DomainException;
import dev.sextant.platform.Refusal;
import dev.sextant.web.WebApp;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
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
        // One address, two representations: a cache must not answer an API client with the page.
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
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
        String uri = request.getRequestURI();
        // "/assets/**" also matches "/assets" itself, which names no asset.
        String path = uri.length() > WebApp.ASSETS.length() ? uri.substring(WebApp.ASSETS.length()) : "";
        WebAssets.Served served = source.assets()
                .find(path)
                .orElseThrow(() -> new DomainException(NO_SUCH_ASSET, "No asset at " + shortened(uri) + "."));
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
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
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

    /** The path as the refusal quotes it: an overlong one is cut, not echoed whole. */
    private static String shortened(String uri) {
        return uri.length() <= 120 ? uri : uri.substring(0, 120) + "…";
    }

    /**
     * Whether the client prefers the page to JSON: it names {@code text/html} with a quality above
     * zero, at least that of {@code application/json} (or {@code application/*}). A bare
     * {@code *}{@code /*} or no {@code Accept} at all is an API client, which gets the welcome.
     */
    static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (type.equals("text/html")) {
                html = Math.max(html, quality);
            } else if (type.equals("application/json") || type.equals("application/*")) {
                json = Math.max(json, quality);
            }
        }
        return html > 0 && html >= json;
    }

    /** Whether the client takes gzip: it names {@code gzip} (or {@code x-gzip}, or {@code *}) with a quality above zero. */
    static boolean acceptsGzip(HttpServletRequest request) {
        String encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (encodings == null) {
            return false;
        }
        double gzip = -1;
        double any = -1;
        for (String coding : encodings.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = Math.max(gzip, quality(parts));
            } else if (name.equals("*")) {
                any = Math.max(any, quality(parts));
            }
        }
        return gzip >= 0 ? gzip > 0 : any > 0;
    }

    /** The {@code q} parameter of a list element split at its semicolons: 1 when absent, 0 when unreadable. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2
                    && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException unreadable) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
