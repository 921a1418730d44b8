package dev.sextant.web.internal;

/**
 * The app page's content security policy: scripts, styles, fonts and connections from the server
 * itself only, the page's import map admitted by its hash (the one inline script, which holds no
 * code), no inline style but one fixed stylesheet admitted by its hash, no eval, no plugins, never
 * framed. Images may also be {@code data:} and {@code blob:} URLs (the QR code of a two-factor
 * secret is drawn in the page, never fetched).
 */
final class ContentSecurityPolicy {

    /**
     * The one inline style admitted: the stylesheet Lightweight Charts 5.2.1 (vendored) adds with
     * each chart to place TradingView's attribution logo, which its Apache-2.0 notice asks to keep.
     * Its text is fixed in the library; {@code WebAppHttpTest} hashes it out of the vendored file, so
     * an upgrade that changes it fails there rather than in a browser.
     */
    static final String CHART_ATTRIBUTION_STYLE = "'sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY='";

    String forPage(WebAssets assets) {
        return "default-src 'self'; script-src 'self' " + assets.importMapSource() + "; style-src 'self' "
                + CHART_ATTRIBUTION_STYLE + "; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
                + "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
