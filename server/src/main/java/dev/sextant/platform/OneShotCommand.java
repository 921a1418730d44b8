package dev.sextant.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command the launcher runs ({@code ./sextant audit verify}, ...): in its own process on a
 * stopped server, or inside the running server when the command-line process reaches it over the
 * data directory's control socket. Subclasses are beans; {@link #name()} is the launcher's
 * {@code sextant.command} value.
 */
public abstract class OneShotCommand {

    /** The value of {@code sextant.command} that selects this command, e.g. {@code audit-verify}. */
    public abstract String name();

    /** How many arguments it takes (a username, ...); the launcher passes them after the command. */
    public int arity() {
        return 0;
    }

    /** The arguments' names for the usage line, e.g. {@code <username>}. */
    public String usage() {
        return "";
    }

    /**
     * Does the work with exactly {@link #arity()} arguments, prints the outcome for the operator on
     * {@code out}, and answers the exit code.
     */
    public abstract int execute(List<String> arguments, PrintStream out);
}
