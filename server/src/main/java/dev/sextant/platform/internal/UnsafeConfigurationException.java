package dev.sextant.platform.internal;

import java.util.List;

/** Thrown at start-up under the {@code prod} profile when secrets are missing, defaults or weak. */
final class UnsafeConfigurationException extends RuntimeException {

    private final List<String> problems;

    UnsafeConfigurationException(List<String> problems) {
        super("Sextant refuses to start with the prod profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
