package dev.sextant.audit.internal;

import dev.sextant.audit.AuditIntegrity;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain and reports the first link that does not hold, then checks that the chain
 * reaches the head recorded outside the database ({@link AuditHeadFile}): a chain whose newest
 * events were lost (a crash, a restore of an old backup, a deletion) is reported as broken.
 */
@Component
class AuditVerifier implements AuditIntegrity {

    private static final int PAGE = 1_000;

    private final AuditRepository repository;
    private final AuditHeadFile headFile;

    AuditVerifier(AuditRepository repository, AuditHeadFile headFile) {
        this.repository = repository;
        this.headFile = headFile;
    }

    @Override
    public Verification verify() {
        // Both read before the walk: events appended meanwhile only make the chain longer than
        // either, and the walk stops at the head it read, so a write while it reads is no alarm.
        Optional<AuditHeadFile.Witness> witness = headFile.read();
        AuditRepository.Head head = repository.head();
        String witnessedHash = null;
        long expectedSeq = 1;
        String previousHash = AuditRecord.GENESIS;
        long checked = 0;
        List<AuditRecord> page;
        walk:
        do {
            page = repository.chain(expectedSeq - 1, PAGE);
            for (AuditRecord record : page) {
                if (record.seq() > head.lastSeq()) {
                    break walk; // appended after the head was read
                }
                if (record.seq() != expectedSeq) {
                    return broken(checked, "event " + expectedSeq + " is missing (next is " + record.seq() + ")");
                }
                if (!record.prevHash().equals(previousHash)) {
                    return broken(checked, "event " + record.seq() + " does not link to event " + (expectedSeq - 1));
                }
                if (!record.computeHash().equals(record.hash())) {
                    return broken(checked, "event " + record.seq() + " was altered");
                }
                if (witness.isPresent() && witness.get().seq() == record.seq()) {
                    witnessedHash = record.hash();
                }
                previousHash = record.hash();
                expectedSeq++;
                checked++;
            }
        } while (page.size() == PAGE);
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previousHash)) {
            return broken(
                    checked,
                    "the chain ends at event " + (expectedSeq - 1) + " but its head records event " + head.lastSeq()
                            + ": newer events were removed");
        }
        if (witness.isPresent()) {
            long witnessed = witness.get().seq();
            if (witnessed > expectedSeq - 1) {
                return broken(
                        checked,
                        "the chain ends at event " + (expectedSeq - 1) + " but event " + witnessed
                                + " was recorded in " + AuditHeadFile.FILE + ": events " + expectedSeq + " to "
                                + witnessed + " were lost");
            }
            if (!witness.get().hash().equals(witnessedHash)) {
                return broken(
                        checked,
                        "event " + witnessed + " is not the one recorded in " + AuditHeadFile.FILE
                                + ": the chain was replaced from there on");
            }
        }
        return new Verification(true, checked, "");
    }

    private static Verification broken(long checked, String problem) {
        return new Verification(false, checked, problem);
    }
}
