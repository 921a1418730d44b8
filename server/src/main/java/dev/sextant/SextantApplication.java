package dev.sextant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Sextant server (one process serving market data, analytics and the REST API), or runs one command. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SextantApplication {

    /** Set by the launcher to run one command instead of serving, e.g. {@code audit-verify}. */
    public static final String COMMAND = "sextant.command";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(SextantApplication.class, args);
        // A one-shot command (./sextant audit verify, ...) exits with its own code once it has run.
        if (context.getEnvironment().containsProperty(COMMAND)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
