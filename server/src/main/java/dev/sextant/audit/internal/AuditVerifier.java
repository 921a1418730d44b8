package dev.sextant.audit.internal;

import dev.sextant.audit.AuditIntegrity;
import java.util.List;
import org.springframework.stereotype.Component;

/** Walks the whole chain and reports the first link that does not hold. */
@Component
class AuditVerifier implements AuditIntegrity {

    private static final int PAGE = 1_000;

    private final AuditRepository repository;

    AuditVerifier(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    public Verification verify() {
        long expectedSeq = 1;
        String previousHash = AuditRecord.GENESIS;
        long checked = 0;
        List<AuditRecord> page;
        do {
            page = repository.chain(expectedSeq - 1, PAGE);
            for (AuditRecord record : page) {
                if (record.seq() != expectedSeq) {
                    return broken(checked, "event " + expectedSeq + " is missing (next is " + record.seq() + ")");
                }
                if (!record.prevHash().equals(previousHash)) {
                    return broken(checked, "event " + record.seq() + " does not link to event " + (expectedSeq - 1));
                }
                if (!record.computeHash().equals(record.hash())) {
                    return broken(checked, "event " + record.seq() + " was altered");
                }
                previousHash = record.hash();
                expectedSeq++;
                checked++;
            }
        } while (page.size() == PAGE);
        AuditRepository.Head head = repository.head();
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previousHash)) {
            return broken(
                    checked,
                    "the chain ends at event " + (expectedSeq - 1) + " but its head records event " + head.lastSeq()
                            + ": newer events were removed");
        }
        return new Verification(true, checked, "");
    }

    private static Verification broken(long checked, String problem) {
        return new Verification(false, checked, problem);
    }
}
