package dev.sextant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.UserId;
import dev.sextant.support.HttpTestClient;
import dev.sextant.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator commands as the launcher runs them: a separate JVM on the server's classpath, so
 * the embedded database is really opened by two processes. Output, one-line errors, exit codes.
 */
class CommandLineTest {

    record Run(int exitCode, String out, String err) {}

    private static Run command(Path dataDir, String command, String... arguments) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(new java.util.ArrayList<>(List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SextantApplication.class.getName(),
                "--spring.main.web-application-type=none",
                "--sextant.command=" + command,
                "--sextant.data-dir=" + dataDir)));
        builder.command().addAll(List.of(arguments));
        Process process = builder.start();
        process.getOutputStream().close();
        var err = process.getErrorStream();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errText = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, errText);
    }

    private static ConfigurableApplicationContext server(Path dataDir) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run();
    }

    @Test
    void test_missingDataDirectory_isAnErrorNotANewDatabase() throws Exception {
        Path missing =
                Path.of("target/test-data/never-created-" + UUID.randomUUID()).toAbsolutePath();

        Run run = command(missing, "audit-verify");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1).first().asString().contains("no data directory at " + missing);
        assertThat(run.out()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void test_commandsWhileTheServerRuns_runInTheServerOverItsOwnerOnlySocket() throws Exception {
        Path dataDir =
                Path.of("target/test-data/cli-running-" + UUID.randomUUID()).toAbsolutePath();
        UserId owner = UserId.random();
        try (ConfigurableApplicationContext running = server(dataDir)) {
            Vault vault = running.getBean(Vault.class);
            Vault.StoredSecret secret = vault.store(owner, "llm:openai", "a", "sk-running-0123456789abcd");
            Path socket = dataDir.resolve("control.sock");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                    .isEqualTo("rw-------");

            Run verify = command(dataDir, "audit-verify");
            Run rotate = command(dataDir, "keys-rotate-master");
            Run unknown = command(dataDir, "launch-rockets");

            assertThat(verify.exitCode()).as(verify.err()).isZero();
            assertThat(verify.out().strip()).startsWith("audit log intact: ");
            assertThat(rotate.exitCode()).as(rotate.err()).isZero();
            assertThat(rotate.out()).contains("re-wrapped 1 data keys");
            assertThat(vault.reveal(owner, secret.id(), "llm:openai")).contains("sk-running-0123456789abcd");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err().lines()).containsExactly("sextant: unknown command 'launch-rockets'");
        }
    }

    @Test
    void test_verifyOnAStoppedServer_exitsZero_andAServerWithoutSocket_failsInOneLine() throws Exception {
        Path dataDir = Path.of("target/test-data/cli-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext running = server(dataDir)) {
            // A server that cannot be reached (its socket gone): the command opens the database itself.
            Files.delete(dataDir.resolve("control.sock"));
            Run whileRunning = command(dataDir, "audit-verify");

            assertThat(whileRunning.exitCode()).isEqualTo(3);
            assertThat(whileRunning.err().lines())
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("sextant: ")
                    .contains("in use by a process that does not answer on its control socket")
                    .hasSizeLessThan(300);
            assertThat(whileRunning.out()).isEmpty();
        }

        Run stopped = command(dataDir, "audit-verify");

        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.out().strip()).startsWith("audit log intact: ");
        assertThat(stopped.err()).isEmpty();
    }

    private static String oneTimePassword(Run run) {
        Matcher match = Pattern.compile("one-time password: (\\S+)").matcher(run.out());
        assertThat(match.find()).as(run.out() + run.err()).isTrue();
        return match.group(1);
    }

    @Test
    void test_userCommands_onARunningAndAStoppedServer() throws Exception {
        Path dataDir =
                Path.of("target/test-data/cli-users-" + UUID.randomUUID()).toAbsolutePath();
        String newPassword;
        try (ConfigurableApplicationContext running = server(dataDir)) {
            HttpTestClient anonymous = new HttpTestClient(
                    ((WebServerApplicationContext) running).getWebServer().getPort());

            Run created = command(dataDir, "user-create-admin", "rescuer");
            Run again = command(dataDir, "user-create-admin", "rescuer");
            Run missingName = command(dataDir, "user-reset-password");

            assertThat(created.exitCode()).as(created.err()).isZero();
            var tokens = anonymous.login("rescuer", oneTimePassword(created));
            assertThat(tokens.get("passwordChangeRequired").asBoolean()).isTrue();
            assertThat(again.exitCode()).isEqualTo(3);
            assertThat(again.err().lines()).hasSize(1).first().asString().contains("exists");
            assertThat(missingName.exitCode()).isEqualTo(2);
            assertThat(missingName.err().lines()).containsExactly("sextant: usage: user-reset-password <username>");

            Run reset = command(dataDir, "user-reset-password", "rescuer");

            assertThat(reset.exitCode()).as(reset.err()).isZero();
            newPassword = oneTimePassword(reset);
            assertThat(anonymous
                            .postJson(
                                    "/api/v1/auth/refresh",
                                    "{\"refreshToken\":\""
                                            + tokens.get("refreshToken").asString() + "\"}")
                            .status())
                    .as("the reset revoked the account's refresh tokens")
                    .isEqualTo(401);
            assertThat(anonymous
                            .login("rescuer", newPassword)
                            .get("passwordChangeRequired")
                            .asBoolean())
                    .isTrue();
        }

        Run twoFactorOff = command(dataDir, "user-reset-2fa", "rescuer");
        Run unknown = command(dataDir, "user-reset-2fa", "nobody-here");

        assertThat(twoFactorOff.exitCode()).as(twoFactorOff.err()).isZero();
        assertThat(twoFactorOff.out()).contains("two-factor sign-in of 'rescuer' turned off");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err().lines()).containsExactly("sextant: no account named 'nobody-here'");
    }
}
