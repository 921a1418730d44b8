package dev.sextant.audit.internal;

import dev.sextant.audit.AuditIntegrity;
import dev.sextant.platform.CommandLine;
import dev.sextant.platform.OneShotCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./sextant audit verify}: checks the chain in the configured database, prints the verdict,
 * and exits 0 when intact, 1 ({@link CommandLine.Exit#CHECK_FAILED}) when not.
 */
@Component
class AuditCommand extends OneShotCommand {

    private final AuditVerifier verifier;

    AuditCommand(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public int execute(List<String> arguments, PrintStream out) {
        AuditIntegrity.Verification result = verifier.verify();
        if (result.intact()) {
            out.println("audit log intact: " + result.checked() + " events verified");
            return CommandLine.Exit.OK.code();
        }
        out.println("audit log BROKEN after " + result.checked() + " good events: " + result.problem());
        return CommandLine.Exit.CHECK_FAILED.code();
    }
}
