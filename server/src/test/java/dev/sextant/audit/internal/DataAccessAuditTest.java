package dev.sextant.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads of user data are audited only when SEXTANT_AUDIT_DATA_ACCESS=true; security events always. */
class DataAccessAuditTest {

    private static long dataAccessEventsAfterReading(boolean enabled) {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "server.port=0",
                        "sextant.data-dir=target/test-data/data-access-" + UUID.randomUUID(),
                        "sextant.audit.data-access=" + enabled)
                .run()) {
            server.getBean(AccountAdministration.class)
                    .createAccount("reader", null, "Quiet-Reading-Lamp-4", Set.of(Role.USER), false);
            HttpTestClient anonymous = new HttpTestClient(
                    ((WebServerApplicationContext) server).getWebServer().getPort());
            HttpTestClient reader = anonymous.withBearer(anonymous
                    .login("reader", "Quiet-Reading-Lamp-4")
                    .get("accessToken")
                    .asString());
            reader.get("/api/v1/me/secrets");
            reader.get("/api/v1/me/api-keys");
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_SUCCEEDED'")
                            .query(Long.class)
                            .single())
                    .as("security events, always")
                    .isEqualTo(1);
            return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'DATA_ACCESS'")
                    .query(Long.class)
                    .single();
        }
    }

    @Test
    void test_dataAccess_isRecordedOnlyWhenEnabled() {
        assertThat(dataAccessEventsAfterReading(false)).isZero();
        assertThat(dataAccessEventsAfterReading(true)).isEqualTo(2);
    }
}
