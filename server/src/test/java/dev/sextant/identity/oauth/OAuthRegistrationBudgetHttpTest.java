package dev.sextant.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.oauth.OAuthBrowser.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Open registration is budgeted per client address: beyond it, 429 with Retry-After, and nothing stored. */
class OAuthRegistrationBudgetHttpTest {

    @Test
    void test_registrationsBeyondTheBudget_getTooManyRequests() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "server.port=0",
                        "sextant.data-dir=target/test-data/oauth-budget-" + UUID.randomUUID(),
                        "sextant.oauth.registrations-per-address-per-hour=2")
                .run()) {
            OAuthBrowser browser =
                    new OAuthBrowser(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            String body = "{\"client_name\":\"flood\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"]}";
            assertThat(browser.postJson("/oauth2/register", body).status()).isEqualTo(201);
            assertThat(browser.postJson("/oauth2/register", body).status()).isEqualTo(201);
            Page refused = browser.postJson("/oauth2/register", body);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
            assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM oauth2_registered_client")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        }
    }
}
