package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.support.HttpTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start of a fresh server creates the administrator and puts its password in an
 * owner-only file named on the console; neither the console nor any log line carries the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run();
    }

    @Test
    void test_firstStart_putsTheAdminPasswordInAnOwnerOnlyFileNotOnTheConsole(CapturedOutput output) throws Exception {
        String dataDir = "target/test-data/first-admin-" + UUID.randomUUID();
        String password;
        try (ConfigurableApplicationContext context = start(dataDir)) {
            Path file = Path.of(dataDir, FirstAdminPasswordFile.FILE).toAbsolutePath();
            assertThat(output.getOut()).as("the console names the file").contains(file.toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            Matcher match = ONE_TIME_PASSWORD.matcher(Files.readString(file));
            assertThat(match.find()).as("the file holds the one-time password").isTrue();
            password = match.group(1);
            assertThat(output.getAll()).as("no console or log line carries it").doesNotContain(password);

            HttpTestClient anonymous = new HttpTestClient(
                    ((WebServerApplicationContext) context).getWebServer().getPort());
            var tokens = anonymous.login("admin", password);
            assertThat(tokens.get("passwordChangeRequired").asBoolean()).isTrue();
            HttpTestClient admin =
                    anonymous.withBearer(tokens.get("accessToken").asString());
            assertThat(admin.postJson("/api/v1/admin/accounts", "{\"username\":\"early\",\"roles\":[\"user\"]}")
                            .status())
                    .as("nothing but the password change first")
                    .isEqualTo(403);

            var changed = admin.postJson(
                    "/api/v1/me/password",
                    "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"Fresh-Operator-Passphrase-42\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(file).as("the first password change removes the file").doesNotExist();
        }
        int printedBefore = output.getOut().split("first administrator", -1).length - 1;
        try (ConfigurableApplicationContext again = start(dataDir)) {
            int printedAfter = output.getOut().split("first administrator", -1).length - 1;
            assertThat(printedAfter).as("a second start creates nothing").isEqualTo(printedBefore);
            assertThat(Path.of(dataDir, FirstAdminPasswordFile.FILE)).doesNotExist();
        }
    }
}
