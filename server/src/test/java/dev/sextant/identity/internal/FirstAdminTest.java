package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.support.HttpTestClient;
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

/** The first start of a fresh server creates the administrator and shows its password once, on the console only. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run();
    }

    @Test
    void test_firstStart_printsTheAdminPasswordOnceAndOutsideTheLogs(CapturedOutput output) {
        String dataDir = "target/test-data/first-admin-" + UUID.randomUUID();
        String password;
        try (ConfigurableApplicationContext context = start(dataDir)) {
            Matcher match = ONE_TIME_PASSWORD.matcher(output.getOut());
            assertThat(match.find())
                    .as("the console shows the one-time password")
                    .isTrue();
            password = match.group(1);
            assertThat(output.getAll().lines().filter(line -> line.contains(password)))
                    .as("no structured log line carries it")
                    .noneMatch(line -> line.startsWith("{"));

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
        }
        int printedBefore = output.getOut().split("one-time password:", -1).length - 1;
        try (ConfigurableApplicationContext again = start(dataDir)) {
            int printedAfter = output.getOut().split("one-time password:", -1).length - 1;
            assertThat(printedAfter).as("a second start prints nothing").isEqualTo(printedBefore);
        }
    }
}
