package dev.sextant;

import dev.sextant.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Sextant server (one process serving market data, analytics and the REST API), or runs one command. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SextantApplication {

    /** Set by the launcher to run one command instead of serving, e.g. {@code audit-verify}. */
    public static final String COMMAND = CommandLine.COMMAND;

    public static void main(String[] args) {
        // A one-shot command (./sextant audit verify, ...) exits with its own code once it has run.
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(SextantApplication.class, args));
        }
        SpringApplication.run(SextantApplication.class, args);
    }
}
