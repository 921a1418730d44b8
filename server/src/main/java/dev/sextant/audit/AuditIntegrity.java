package dev.sextant.audit;

/** Checks the audit log's hash chain. */
public interface AuditIntegrity {

    /**
     * @param intact whether every event is present, unaltered and linked to the one before
     * @param checked how many events were verified before the first problem (all of them when intact)
     * @param problem what is wrong and where; empty when intact
     */
    record Verification(boolean intact, long checked, String problem) {}

    Verification verify();
}
