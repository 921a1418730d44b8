package dev.sextant.vault.internal;

import dev.sextant.platform.CommandLine;
import dev.sextant.platform.OneShotCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code ./sextant keys rotate-master}: re-wraps every data key under the new master key. */
@Component
class RotateMasterCommand extends OneShotCommand {

    private final MasterKeyRotation rotation;

    RotateMasterCommand(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "keys-rotate-master";
    }

    @Override
    public int execute(List<String> arguments, PrintStream out) {
        MasterKeyRotation.Result result = rotation.rotate();
        out.println("master key " + result.masterKeyId() + ": re-wrapped " + result.rewrapped() + " data keys"
                + (result.failed() > 0 ? ", " + result.failed() + " could not be unwrapped" : ""));
        return (result.failed() > 0 ? CommandLine.Exit.CHECK_FAILED : CommandLine.Exit.OK).code();
    }
}
