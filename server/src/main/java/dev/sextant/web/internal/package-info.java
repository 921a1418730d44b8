/** How the web app is served: its asset catalog, the page, and the page's content security policy. */
@NullMarked
package dev.sextant.web.internal;

import org.jspecify.annotations.NullMarked;
