package dev.sextant.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's files as one immutable catalog: every asset under its plain and its content-hashed
 * name, and the page, built from {@code index.html} with every {@code /assets/...} reference
 * rewritten to its hashed name and an import map that sends each module, bare library names
 * included, to its hashed name too. So a page always loads exactly the files it was built with,
 * and each of those can be cached for a year.
 */
final class WebAssets {

    static final String TEMPLATE = "index.html";
    static final String BARE_IMPORTS = "importmap.json";

    private static final int HASH_CHARS = 12;
    private static final Pattern ASSET_REFERENCE = Pattern.compile("\"/assets/([^\"?#]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, WebAsset> byPath;
    private final Map<String, WebAsset> byHashedPath;
    private final WebAsset page;
    private final String importMapHash;

    private WebAssets(
            Map<String, WebAsset> byPath, Map<String, WebAsset> byHashedPath, WebAsset page, String importMapHash) {
        this.byPath = byPath;
        this.byHashedPath = byHashedPath;
        this.page = page;
        this.importMapHash = importMapHash;
    }

    /**
     * The catalog of these files (path under {@code web/} to content); {@code index.html} and
     * {@code importmap.json} must be among them.
     */
    static WebAssets of(Map<String, byte[]> files) {
        Map<String, WebAsset> byPath = new TreeMap<>();
        Map<String, WebAsset> byHashedPath = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.equals(TEMPLATE) || path.equals(BARE_IMPORTS)) {
                return;
            }
            WebAsset asset = asset(path, true, bytes);
            byPath.put(path, asset);
            byHashedPath.put(asset.hashedPath(), asset);
        });
        String importMap = importMap(byPath, required(files, BARE_IMPORTS));
        String html = rewriteReferences(new String(required(files, TEMPLATE), StandardCharsets.UTF_8), byPath)
                .replace("<!-- importmap -->", "<script type=\"importmap\">" + importMap + "</script>")
                .replace("<!-- modulepreload -->", modulePreloads(byPath));
        byte[] pageBytes = html.getBytes(StandardCharsets.UTF_8);
        WebAsset page = asset(TEMPLATE, false, pageBytes);
        return new WebAssets(Map.copyOf(byPath), Map.copyOf(byHashedPath), page, sha256Base64(importMap));
    }

    /** The asset at this path under {@code /assets/}, by its hashed name (cacheable) or its plain one. */
    Optional<Served> find(String path) {
        WebAsset hashed = byHashedPath.get(path);
        if (hashed != null) {
            return Optional.of(new Served(hashed, true));
        }
        return Optional.ofNullable(byPath.get(path)).map(asset -> new Served(asset, false));
    }

    WebAsset page() {
        return page;
    }

    /** The CSP source that admits the page's one inline script, its import map. */
    String importMapSource() {
        return "'sha256-" + importMapHash + "'";
    }

    /** An asset and whether it was asked for by its content-hashed name. */
    record Served(WebAsset asset, boolean immutable) {}

    private static String importMap(Map<String, WebAsset> byPath, byte[] bareImports) {
        ObjectNode imports = JSON.createObjectNode();
        JsonNode bare = JSON.readTree(bareImports).path("imports");
        for (Map.Entry<String, JsonNode> entry : bare.properties()) {
            String target = entry.getValue().asString();
            imports.put(entry.getKey(), hashedUrl(byPath, target.substring("/assets/".length())));
        }
        // A module's relative imports resolve to the plain URL; the map sends each to the hashed one.
        // Styles and images are in it too, so a module finds their names with import.meta.resolve.
        byPath.values().stream()
                .filter(asset -> !asset.path().startsWith("vendor/") || asset.isModule())
                .forEach(asset -> imports.put("/assets/" + asset.path(), "/assets/" + asset.hashedPath()));
        ObjectNode map = JSON.createObjectNode();
        map.set("imports", imports);
        return JSON.writeValueAsString(map);
    }

    /** The libraries every page renders with; the others (the chart, the QR code) load when first used. */
    private static final java.util.Set<String> CORE_LIBRARIES =
            java.util.Set.of("vendor/preact/preact.mjs", "vendor/preact/hooks.mjs", "vendor/htm/htm.mjs");

    private static String modulePreloads(Map<String, WebAsset> byPath) {
        // The shell's own modules and its core libraries load at once, in parallel, rather than
        // one import after another; pages and the other libraries load when first used.
        StringBuilder links = new StringBuilder();
        byPath.values().stream()
                .filter(asset -> asset.isModule()
                        && ((asset.path().startsWith("app/") && !asset.path().startsWith("app/pages/"))
                                || CORE_LIBRARIES.contains(asset.path())))
                .forEach(asset -> links.append("<link rel=\"modulepreload\" href=\"/assets/")
                        .append(asset.hashedPath())
                        .append("\">\n"));
        return links.toString();
    }

    private static String rewriteReferences(String html, Map<String, WebAsset> byPath) {
        Matcher matcher = ASSET_REFERENCE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = "\"" + hashedUrl(byPath, matcher.group(1)) + "\"";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String hashedUrl(Map<String, WebAsset> byPath, String path) {
        WebAsset asset = byPath.get(path);
        if (asset == null) {
            throw new IllegalStateException("the web app refers to /assets/" + path + ", which does not exist");
        }
        return "/assets/" + asset.hashedPath();
    }

    /** @param named whether the asset is also served under its content-hashed name (the page is not) */
    private static WebAsset asset(String path, boolean named, byte[] bytes) {
        String hash = hexHash(bytes);
        String contentType = WebAsset.contentTypeOf(path);
        byte[] gzipped = WebAsset.worthCompressing(contentType) && bytes.length > 256 ? gzip(bytes) : null;
        String etag = "\"" + hash + "\"";
        return new WebAsset(path, named ? hashedName(path, hash) : path, contentType, etag, bytes, gzipped);
    }

    private static String hashedName(String path, String hash) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) + "." + hash + path.substring(dot) : path + "." + hash;
    }

    private static String hexHash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes)).substring(0, HASH_CHARS);
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var zip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static byte[] required(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new IllegalStateException("the web app has no " + name);
        }
        return bytes;
    }
}
