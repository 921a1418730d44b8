/**
 * The web app: the browser face of every capability, served by the server itself at {@code /}.
 *
 * <p>Public face: {@link dev.sextant.web.WebApp}, the paths that are the app's (its pages and its
 * static assets), which the identity module leaves open because they hold no data: everything the
 * app shows it reads from the API with the signed-in user's token, under the API's own rules.
 *
 * <p>The app is ES modules with an import map and no build step; third-party libraries are
 * vendored files (see {@code web/package.json} and {@code scripts/web-vendor.sh}). Every asset is
 * served under a content-hashed name with a year-long immutable cache, gzip when the browser takes
 * it, and the page under a strict content security policy (no inline script or style, no eval).
 */
@NullMarked
package dev.sextant.web;

import org.jspecify.annotations.NullMarked;
