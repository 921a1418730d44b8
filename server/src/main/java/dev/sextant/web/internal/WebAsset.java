package dev.sextant.web.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One static file of the app, held in memory with its gzip form.
 *
 * @param path where it lies under {@code web/}, e.g. {@code app/main.js}
 * @param hashedPath the same with the content hash before the extension ({@code app/main.1a2b3c4d5e6f.js}),
 *     the name that may be cached for a year
 * @param etag the entity tag of the plain body
 * @param gzipped the gzip form, or null when compressing does not pay (images, tiny files)
 */
record WebAsset(
        String path, String hashedPath, String contentType, String etag, byte[] bytes, byte @Nullable [] gzipped) {

    /** The entity tag of the gzip body: another representation, so another tag. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    boolean isModule() {
        return path.endsWith(".js") || path.endsWith(".mjs");
    }

    static String contentTypeOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "csv" -> "text/csv; charset=utf-8";
            default -> "text/plain; charset=utf-8";
        };
    }

    static boolean worthCompressing(String contentType) {
        return contentType.startsWith("text/")
                || contentType.startsWith("application/json")
                || contentType.startsWith("image/svg");
    }
}
