package dev.sextant.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs one operator command ({@code ./sextant audit verify}, ...) as a process: the command's output
 * on standard output, any failure as one line on standard error, and an exit code that tells the
 * outcomes apart (see {@link Exit}). Logging is off so that nothing but the command speaks.
 */
public final class CommandLine {

    /** The property that names the command; the launcher sets it. */
    public static final String COMMAND = "sextant.command";

    private static final String DATABASE_IN_USE = "90020";

    /** Process exit codes of a command, documented in README.md. */
    public enum Exit {
        /** Done; for a check: everything intact. */
        OK(0),
        /** The command ran and found a problem: the audit chain is broken, data keys cannot be unwrapped. */
        CHECK_FAILED(1),
        /** Wrong command or arguments. */
        USAGE(2),
        /** The command could not run: no data directory, database missing or in use, any other failure. */
        COULD_NOT_RUN(3);

        private final int code;

        Exit(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** A failure to report as one line with its exit code. */
    public static final class Failure extends RuntimeException {
        private final Exit exit;

        public Failure(Exit exit, String message) {
            super(message, null, false, false);
            this.exit = exit;
        }

        public Exit exit() {
            return exit;
        }
    }

    /** The command ran elsewhere (in the running server) and answered this exit code. */
    private static final class Finished extends RuntimeException {
        private final int exitCode;

        Finished(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private CommandLine() {}

    public static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + COMMAND + "="));
    }

    /** Runs the application as the command the arguments name and answers the process exit code. */
    public static int run(Class<?> application, String[] args) {
        // Above application.yml's level, below anything the operator passes on the command line.
        System.setProperty("logging.level.root", System.getProperty("logging.level.root", "off"));
        SpringApplication spring = new SpringApplication(application);
        spring.addListeners(new Preflight());
        try (ConfigurableApplicationContext context = spring.run(args)) {
            System.out.flush();
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Finished finished) {
                    System.out.flush();
                    return finished.exitCode;
                }
            }
            Failure failure = failureOf(e);
            System.out.flush();
            System.err.println("sextant: " + failure.getMessage());
            return failure.exit().code();
        }
    }

    /** The one line and exit code that report a failure. */
    public static Failure failureOf(Throwable thrown) {
        Throwable deepest = thrown;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Failure failure) {
                return failure;
            }
            if (t instanceof SQLException sql && DATABASE_IN_USE.equals(String.valueOf(sql.getErrorCode()))) {
                return new Failure(
                        Exit.COULD_NOT_RUN,
                        "the embedded database is in use by a process that does not answer on its control socket ("
                                + ControlSocket.FILE + "); stop it first");
            }
            deepest = t;
        }
        String message = deepest.getMessage() == null
                ? deepest.getClass().getSimpleName()
                : deepest.getMessage().lines().findFirst().orElse("").strip();
        return new Failure(Exit.COULD_NOT_RUN, message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }

    /**
     * Before anything is opened: a command works on an existing installation and never creates one,
     * so a missing data directory or embedded database is an error, not a new empty database.
     */
    private static final class Preflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            Environment environment = event.getEnvironment();
            Binder binder = Binder.get(environment);
            Path dataDir = binder.bind("sextant.data-dir", Path.class)
                    .orElse(Path.of("./data"))
                    .toAbsolutePath()
                    .normalize();
            String dbUrl = binder.bind("sextant.db.url", String.class).orElse("");
            if (!Files.isDirectory(dataDir)) {
                throw new Failure(
                        Exit.COULD_NOT_RUN,
                        "no data directory at " + dataDir + " (set SEXTANT_DATA_DIR to the server's data directory)");
            }
            if (dbUrl.isBlank() || dbUrl.startsWith("jdbc:h2:")) {
                // The embedded database opens in one process only: a running server runs the command itself.
                ControlSocket.tryRun(
                                dataDir,
                                environment.getRequiredProperty(COMMAND),
                                new DefaultApplicationArguments(event.getArgs()).getNonOptionArgs())
                        .ifPresent(answer -> {
                            System.out.print(answer.out());
                            System.err.print(answer.err());
                            throw new Finished(answer.exitCode());
                        });
            }
            if (dbUrl.isBlank() && !Files.exists(dataDir.resolve("sextant.mv.db"))) {
                throw new Failure(
                        Exit.COULD_NOT_RUN,
                        "no Sextant database in " + dataDir + " (set SEXTANT_DATA_DIR to the server's data directory)");
            }
        }
    }
}
