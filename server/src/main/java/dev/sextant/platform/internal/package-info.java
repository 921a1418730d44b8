/** The web edge every module shares: settings, the data source, filters, the problem handler and error controller, the production guard, the OpenAPI document. */
@NullMarked
package dev.sextant.platform.internal;

import org.jspecify.annotations.NullMarked;
