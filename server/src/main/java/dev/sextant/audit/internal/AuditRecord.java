package dev.sextant.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One link of the audit chain as stored. {@link #computeHash()} covers every field and the
 * previous link's hash, in a fixed layout, so that any edit shows.
 */
record AuditRecord(
        long seq,
        Instant occurredAt,
        String type,
        String actor,
        String subject,
        String clientAddress,
        String requestId,
        String details,
        String prevHash,
        String hash) {

    static final String GENESIS = "0".repeat(64);

    /** This record with its hash filled in. */
    AuditRecord sealed() {
        return new AuditRecord(
                seq, occurredAt, type, actor, subject, clientAddress, requestId, details, prevHash, computeHash());
    }

    String computeHash() {
        String canonical = String.join(
                "\n",
                Long.toString(seq),
                occurredAt.toString(),
                type,
                nullToEmpty(actor),
                nullToEmpty(subject),
                nullToEmpty(clientAddress),
                nullToEmpty(requestId),
                details,
                prevHash);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
