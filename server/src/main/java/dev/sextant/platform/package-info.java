/**
 * Platform: what every other module stands on. Configuration and its production checks, the
 * RFC 9457 error format, web conventions (request ids, body limits), the database connection and
 * observability (health, metrics, structured logs).
 *
 * <p>Public face: {@link dev.sextant.platform.ApiProblem} and {@link dev.sextant.platform.ProblemType}
 * for modules to report a failure a client can act on, {@link dev.sextant.platform.SecretSetting}
 * for modules to declare secrets the {@code prod} profile must check, and
 * {@link dev.sextant.platform.DependencyHealthIndicator} for modules to add a dependency to
 * {@code /health}.
 */
@NullMarked
package dev.sextant.platform;

import org.jspecify.annotations.NullMarked;
