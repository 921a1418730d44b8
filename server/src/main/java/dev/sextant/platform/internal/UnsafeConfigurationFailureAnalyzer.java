package dev.sextant.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the settings to fix instead of a stack trace when the production guard stops the start. */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        return new FailureAnalysis(
                "Sextant refuses to start with the prod profile because of unsafe secrets:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Set each variable named above to a long random value, e.g. `openssl rand -base64 32`.",
                cause);
    }
}
