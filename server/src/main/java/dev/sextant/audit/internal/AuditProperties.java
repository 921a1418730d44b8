package dev.sextant.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataAccess also record reads of user data ({@code SEXTANT_AUDIT_DATA_ACCESS}); off by default
 */
@ConfigurationProperties("sextant.audit")
record AuditProperties(@DefaultValue("false") boolean dataAccess) {}
