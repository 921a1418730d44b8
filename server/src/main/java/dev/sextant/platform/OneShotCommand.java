package dev.sextant.platform;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A command the launcher runs instead of serving ({@code ./sextant audit verify}, ...). Subclasses
 * are beans guarded by {@code @ConditionalOnProperty(name = "sextant.command", havingValue = ...)};
 * the application exits with the code {@link #execute()} answers.
 */
public abstract class OneShotCommand implements ApplicationRunner, ExitCodeGenerator {

    private int exitCode;

    /** Does the work, prints the outcome for the operator, and answers the process exit code. */
    protected abstract int execute();

    @Override
    public final void run(ApplicationArguments args) {
        exitCode = execute();
    }

    @Override
    public final int getExitCode() {
        return exitCode;
    }
}
