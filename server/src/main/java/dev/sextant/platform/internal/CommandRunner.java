package dev.sextant.platform.internal;

import dev.sextant.platform.CommandLine;
import dev.sextant.platform.OneShotCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Runs the command {@code sextant.command} names in this process and keeps its exit code. */
@Component
@ConditionalOnProperty(name = CommandLine.COMMAND)
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final CommandDispatcher dispatcher;
    private final String command;
    private int exitCode;

    CommandRunner(CommandDispatcher dispatcher, Environment environment) {
        this.dispatcher = dispatcher;
        this.command = environment.getRequiredProperty(CommandLine.COMMAND);
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = dispatcher.dispatch(command, args.getNonOptionArgs(), System.out, System.err);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Finds a command by name and runs it; failures become one line on {@code err} and an exit code. */
    @Component
    static class CommandDispatcher {
        private final List<OneShotCommand> commands;

        CommandDispatcher(List<OneShotCommand> commands) {
            this.commands = commands;
        }

        int dispatch(String name, List<String> arguments, PrintStream out, PrintStream err) {
            OneShotCommand command = commands.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (command == null) {
                err.println("sextant: unknown command '" + name + "'");
                return CommandLine.Exit.USAGE.code();
            }
            if (arguments.size() != command.arity()) {
                err.println("sextant: usage: " + name + (command.usage().isEmpty() ? "" : " " + command.usage()));
                return CommandLine.Exit.USAGE.code();
            }
            try {
                int code = command.execute(List.copyOf(arguments), out);
                out.flush();
                return code;
            } catch (RuntimeException e) {
                CommandLine.Failure failure = CommandLine.failureOf(e);
                err.println("sextant: " + failure.getMessage());
                return failure.exit().code();
            }
        }
    }
}
