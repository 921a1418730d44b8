package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Registration through the page on a server that takes it ({@code SEXTANT_REGISTRATION=open}, the
 * same server as {@code OpenRegistrationHttpTest}'s): the sign-in page offers it, a refusal shows at
 * its field with the server's words, and a new account lands signed in.
 */
@TestPropertySource(properties = "sextant.registration=open")
class RegisterBrowserTest extends BrowserTest {

    @Test
    void anOpenServer_offersRegistration_showsAWeakPasswordAtItsField_andSignsTheNewAccountIn() {
        assertThat(anonymous
                        .get("/api/v1/auth/options")
                        .json()
                        .get("registration")
                        .asString())
                .isEqualTo("open");
        String username = unique("walk-in");
        expectRefusal(400, "POST /api/v1/auth/register");

        open("/sign-in");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        page.waitForURL("**/register");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("aaaaaaaaaaaa");
        page.getByLabel("Password again").fill("aaaaaaaaaaaa");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        String detail = anonymous
                .postJson(
                        "/api/v1/auth/register",
                        "{\"username\":\"" + unique("probe") + "\",\"password\":\"aaaaaaaaaaaa\"}")
                .json()
                .get("detail")
                .asString();
        assertThat(page.locator("#reg-password-error")).hasText(detail);
        assertThat(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        assertAccessible();
        screenshot("register-open");

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("Walk-In-Passphrase-3");
        page.getByLabel("Password again").fill("Walk-In-Passphrase-3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        page.waitForURL("**/markets");
        assertThat(anonymous
                        .withBearer(anonymous
                                .login(username, "Walk-In-Passphrase-3")
                                .get("accessToken")
                                .asString())
                        .get("/api/v1/me")
                        .json()
                        .get("roles")
                        .toString())
                .isEqualTo("[\"user\"]");
    }
}
