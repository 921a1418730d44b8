package dev.sextant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The {@code ./sextant} launcher as a user runs it: help, bad commands and finding JDK 25 alone. */
class LauncherTest {

    private static final Path LAUNCHER =
            Path.of("..", "sextant").toAbsolutePath().normalize();
    private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    record Run(int exitCode, String output) {}

    private static Run run(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(LAUNCHER.toString());
        builder.command().addAll(List.of(arguments));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void test_help_listsTheSubcommands() throws Exception {
        Run run = run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("serve", "test", "build", "doctor");
    }

    @Test
    void test_unknownCommand_failsWithUsage() throws Exception {
        Run run = run(Map.of(), "launch-rockets");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown command 'launch-rockets'", "Usage:");
    }

    @Test
    void test_unknownUserSubcommand_failsWithUsage() throws Exception {
        Run run = run(Map.of(), "user", "make-me-root");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("user create-admin|reset-password|reset-2fa <username>");
    }

    @Test
    void test_help_listsTheOperatorCommandsAndExitCodes() throws Exception {
        Run run = run(Map.of(), "--help");

        assertThat(run.output())
                .contains("user create-admin", "user reset-password", "user reset-2fa", "3 could not run");
    }

    static boolean jdk17Installed() {
        return Files.isExecutable(JDK_17.resolve("bin/java"));
    }

    @Test
    @EnabledIf("jdk17Installed")
    void test_javaHomeOlderThan25_isPassedOverForJdk25() throws Exception {
        Run run = run(Map.of("JAVA_HOME", JDK_17.toString()), "doctor");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("(Java 25)").doesNotContain(JDK_17.toString());
    }
}
