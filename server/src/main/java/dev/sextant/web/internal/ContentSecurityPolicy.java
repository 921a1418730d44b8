package dev.sextant.web.internal;

/**
 * The app page's content security policy: scripts, styles, fonts and connections from the server
 * itself only, the page's import map admitted by its hash (the one inline script, which holds no
 * code), no inline style, no eval, no plugins, never framed. Images may also be {@code data:} and
 * {@code blob:} URLs (the QR code of a two-factor secret is drawn in the page, never fetched).
 */
final class ContentSecurityPolicy {

    String forPage(WebAssets assets) {
        return "default-src 'self'; script-src 'self' " + assets.importMapSource() + "; style-src 'self'; "
                + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
