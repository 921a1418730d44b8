/** The hash-chained audit repository, its verifier, the admin query API and the audit-verify command. */
@NullMarked
package dev.sextant.audit.internal;

import org.jspecify.annotations.NullMarked;
