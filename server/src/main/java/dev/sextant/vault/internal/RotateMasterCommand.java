package dev.sextant.vault.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./sextant keys rotate-master}: re-wraps every data key under the new master key. */
@Component
@ConditionalOnProperty(name = "sextant.command", havingValue = "keys-rotate-master")
class RotateMasterCommand implements ApplicationRunner, ExitCodeGenerator {

    private final MasterKeyRotation rotation;
    private int exitCode;

    RotateMasterCommand(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public void run(ApplicationArguments args) {
        MasterKeyRotation.Result result = rotation.rotate();
        System.out.println("master key " + result.masterKeyId() + ": re-wrapped " + result.rewrapped()
                + " data keys" + (result.failed() > 0 ? ", " + result.failed() + " could not be unwrapped" : ""));
        exitCode = result.failed() > 0 ? 1 : 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
