package dev.sextant.platform;

import java.io.PrintStream;

/**
 * A command the launcher runs ({@code ./sextant audit verify}, ...): in its own process on a
 * stopped server, or inside the running server when the command-line process reaches it over the
 * data directory's control socket. Subclasses are beans; {@link #name()} is the launcher's
 * {@code sextant.command} value.
 */
public abstract class OneShotCommand {

    /** The value of {@code sextant.command} that selects this command, e.g. {@code audit-verify}. */
    public abstract String name();

    /** Does the work, prints the outcome for the operator on {@code out}, and answers the exit code. */
    public abstract int execute(PrintStream out);
}
