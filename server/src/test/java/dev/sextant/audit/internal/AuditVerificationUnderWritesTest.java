package dev.sextant.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditIntegrity;
import dev.sextant.audit.AuditLog;
import dev.sextant.support.ServerHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Verifying the chain while the server keeps appending to it (an administrator's audit page asks
 * for both at once: reading the log is itself audited) finds it intact: events appended during the
 * walk lie past the head it read, which is no sign of tampering.
 */
class AuditVerificationUnderWritesTest extends ServerHttpTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditIntegrity integrity;

    @Test
    void aChainGrowingWhileItIsVerifiedIsIntact() throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; writing.get() && i < 2_000; i++) {
                audit.record(AuditEventType.LOGIN_FAILED, null, "busy-" + i, Map.of("attempt", Integer.toString(i)));
            }
        });
        List<AuditIntegrity.Verification> verdicts = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                verdicts.add(integrity.verify());
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(verdicts)
                .allSatisfy(v -> assertThat(v.intact()).as(v.problem()).isTrue());
        assertThat(integrity.verify().intact()).isTrue();
    }
}
