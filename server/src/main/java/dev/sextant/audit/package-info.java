/**
 * Audit: an append-only, hash-chained record of security events (and, when
 * {@code SEXTANT_AUDIT_DATA_ACCESS=true}, of data access).
 *
 * <p>Public face: {@link dev.sextant.audit.AuditLog}, {@link dev.sextant.audit.AuditEventType}. The
 * log adds the time, the request id and the client address itself.
 */
@NullMarked
package dev.sextant.audit;

import org.jspecify.annotations.NullMarked;
