package dev.sextant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Sextant server: one process serving market data, analytics and the REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SextantApplication {

    public static void main(String[] args) {
        SpringApplication.run(SextantApplication.class, args);
    }
}
