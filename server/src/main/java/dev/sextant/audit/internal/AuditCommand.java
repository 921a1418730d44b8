package dev.sextant.audit.internal;

import dev.sextant.audit.AuditIntegrity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./sextant audit verify}: checks the chain in the configured database, prints the verdict,
 * and exits 0 when intact, 1 when not.
 */
@Component
@ConditionalOnProperty(name = "sextant.command", havingValue = "audit-verify")
class AuditCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditVerifier verifier;
    private int exitCode;

    AuditCommand(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditIntegrity.Verification result = verifier.verify();
        if (result.intact()) {
            System.out.println("audit log intact: " + result.checked() + " events verified");
            exitCode = 0;
        } else {
            System.out.println("audit log BROKEN after " + result.checked() + " good events: " + result.problem());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
