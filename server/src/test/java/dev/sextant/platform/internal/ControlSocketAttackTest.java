package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.platform.ControlSocket;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another local user tries to make itself an administrator through the control socket: refused by
 * the file permissions and, were those loosened by mistake, by the peer user check.
 */
@EnabledIf("canActAsAnotherUser")
class ControlSocketAttackTest {

    static boolean canActAsAnotherUser() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                && Files.isExecutable(Path.of("/usr/bin/socat"));
    }

    private static byte[] createAdminRequest(String username) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String text : List.of("user-create-admin")) {
            out.writeInt(text.length());
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.writeInt(1);
        out.writeInt(username.length());
        out.write(username.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** Sends the request as user nobody and answers what came back. */
    private static byte[] asNobody(Path socket, byte[] request) throws Exception {
        Process process = new ProcessBuilder(
                        "/usr/bin/setpriv",
                        "--reuid=65534",
                        "--regid=65534",
                        "--clear-groups",
                        "/usr/bin/socat",
                        "-t5",
                        "-",
                        "UNIX-CONNECT:" + socket)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().write(request);
        process.getOutputStream().close();
        byte[] answer = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return answer;
    }

    @Test
    void test_anotherUser_cannotRunCommands() throws Exception {
        Path dataDir =
                Path.of("target/test-data/control-attack-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run()) {
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            Path socket = dataDir.resolve(ControlSocket.FILE);

            byte[] blocked = asNobody(socket, createAdminRequest("mallory"));
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            byte[] refused = asNobody(socket, createAdminRequest("mallory2"));

            assertThat(blocked).as("the 0700 directory keeps other users out").isEmpty();
            assertThat(refused)
                    .as("the peer check refuses even a reachable socket")
                    .isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username LIKE 'mallory%'")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }
}
