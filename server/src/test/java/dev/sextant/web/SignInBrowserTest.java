package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.platform.Role;
import dev.sextant.support.BrowserTest;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.TotpCodes;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in through the page: the two-factor step with codes computed here, the first
 * administrator's way in (one-time password, own password, TOTP enrolment, recovery codes), the
 * return to the page asked for, and a server that takes no registrations saying so.
 */
class SignInBrowserTest extends BrowserTest {

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void typeCredentials(String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button("Sign in").click();
    }

    @Test
    void aClosedServer_offersNoRegistration_andTheRegisterPageSaysWhy() {
        open("/sign-in");
        Locator footer = page.locator("[data-registration]");

        assertThat(footer).hasAttribute("data-registration", "closed");
        assertThat(footer).containsText("Ask this server’s administrator");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account")))
                .hasCount(0);
        assertAccessible();
        screenshot("sign-in-page");

        open("/register");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Registration is closed")
                                .setExact(true)))
                .isVisible();
        assertThat(page.locator("[data-registration=closed] .notice"))
                .containsText("does not let visitors create their own accounts");
        assertThat(page.locator("form[aria-label='Create account']")).hasCount(0);
        assertAccessible();
        screenshot("register-closed");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to sign-in"))
                .click();
        page.waitForURL("**/sign-in");
    }

    @Test
    void aWrongPassword_isShownInline_withTheServersMessage() {
        String username = unique("typo");
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        expectRefusal(401, "POST /api/v1/auth/login");

        open("/sign-in");
        typeCredentials(username, "Not-The-Password-42");

        Locator error = page.locator("[data-form-error]");
        assertThat(error).isVisible();
        String detail = anonymous
                .postJson(
                        "/api/v1/auth/login",
                        "{\"username\":\"" + username + "\",\"password\":\"Not-The-Password-42\"}")
                .json()
                .get("detail")
                .asString();
        assertThat(error).hasText(detail);
        assertThat(page).hasURL(Pattern.compile(".*/sign-in$"));
    }

    @Test
    void twoFactorSignIn_asksForTheCode_refusesAWrongOneInline_andReturnsToThePageAskedFor() {
        String username = unique("twofa-page");
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        HttpTestClient client = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
        String secret = enableSecondFactor(client); // used the code of step -1
        expectRefusal(401, "POST /api/v1/auth/login/mfa");

        open("/account?tab=preferences");
        page.waitForURL("**/sign-in?next=*");
        typeCredentials(username, PASSWORD);

        Locator code = page.getByLabel("Authentication code");
        assertThat(code).isVisible();
        assertThat(code).isFocused();
        assertAccessible();
        screenshot("sign-in-two-factor");

        String right = TotpCodes.at(secret, 0);
        code.fill("000000".equals(right) ? "111111" : "000000");
        button("Verify").click();
        assertThat(page.locator("#code-error")).hasText("That code is not valid.");
        assertThat(code).hasAttribute("aria-invalid", "true");

        code.fill(right.substring(0, 3) + " " + right.substring(3));
        button("Verify").click();
        page.waitForURL("**/account?tab=preferences");
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Preferences")))
                .hasAttribute("aria-selected", "true");
    }

    @Test
    void theFirstAdministrator_setsAPassword_enrolsTotp_savesRecoveryCodes_andLandsInTheApp() {
        String username = unique("first-admin");
        String oneTime = "One-Time-Pass-8842-xq";
        accounts.createAccount(username, null, oneTime, Set.of(Role.ADMIN), true);

        open("/sign-in?next=/account");
        typeCredentials(username, oneTime);

        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Choose your password")
                                .setExact(true)))
                .isVisible();
        // Not asked again: it was just typed.
        assertThat(page.getByLabel("One-time password")).hasCount(0);
        assertThat(page.locator(".auth-progress [aria-current=step]")).containsText("New password");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("Lantern-Orchard-Quietly-51");
        page.getByLabel("New password again").fill("Lantern-Orchard-Quietly-51");
        button("Set password").click();

        Locator qr = page.locator("img[data-qr]");
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("src", Pattern.compile("^data:image/svg\\+xml"));
        String secret = page.locator("[data-secret]").getAttribute("data-secret");
        assertThat(secret).matches("[A-Z2-7]{16,}");
        assertThat(page.locator(".auth-progress [aria-current=step]")).containsText("Two-factor sign-in");
        assertAccessible();
        screenshot("first-admin-enrolment");

        page.getByLabel("6-digit code from the app").fill(TotpCodes.at(secret, 0));
        button("Turn on two-factor sign-in").click();

        Locator codes = page.locator("[data-recovery-codes] ol.codes li");
        assertThat(codes).hasCount(10);
        assertThat(codes.first()).hasText(Pattern.compile("^[a-z2-9]{5}-[a-z2-9]{5}$"));
        assertThat(page.locator(".auth-progress [aria-current=step]")).containsText("Recovery codes");
        assertAccessible();
        screenshot("first-admin-recovery-codes");

        button("I saved them, continue").click();
        page.waitForURL("**/account");
        assertThat(page.locator("[data-username]")).hasText(username);
        assertThat(page.locator(".facts")).containsText("On");

        // The password chosen in the page is the account's password now, and the second factor is on.
        assertThat(anonymous
                        .login(username, "Lantern-Orchard-Quietly-51")
                        .get("mfaRequired")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theSession_refreshesItselfInTheBackground_andTheOldRefreshTokenIsSpent() {
        String username = unique("refresher");
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        JsonNode tokens = anonymous.login(username, PASSWORD);
        String oldRefresh = tokens.get("refreshToken").asString();
        // A pair a minute and a second from expiry: the app refreshes it a second from now.
        String session = "{\"accessToken\":\"" + tokens.get("accessToken").asString() + "\",\"refreshToken\":\""
                + oldRefresh + "\",\"expiresAt\":" + (System.currentTimeMillis() + 61_000)
                + ",\"passwordChangeRequired\":false}";
        context.addInitScript("if (!sessionStorage.getItem('given')) { sessionStorage.setItem('given', '1');"
                + " localStorage.setItem('sextant.session', '" + session + "'); }");

        open("/account");
        assertThat(page.locator("[data-username]")).hasText(username);
        page.waitForFunction(
                "old => JSON.parse(localStorage.getItem('sextant.session')).refreshToken !== old", oldRefresh);

        JsonNode refreshed = page.evaluate("() => localStorage.getItem('sextant.session')") instanceof String text
                ? tools.jackson.databind.json.JsonMapper.builder().build().readTree(text)
                : null;
        assertThat(refreshed).isNotNull();
        assertThat(anonymous
                        .withBearer(refreshed.get("accessToken").asString())
                        .get("/api/v1/me")
                        .json()
                        .get("username")
                        .asString())
                .isEqualTo(username);
        assertThat(anonymous
                        .postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + oldRefresh + "\"}")
                        .status())
                .as("the refresh token the page traded in works no more")
                .isEqualTo(401);
    }
}
