package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.platform.Role;
import dev.sextant.support.BrowserTest;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.TotpCodes;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The account page in a real browser: its tabs, API keys created (shown once) and revoked with the
 * proof over HTTP that the key worked before and not after, provider keys masked as the server
 * masks them, preferences kept by the server, new recovery codes, and signing out everywhere.
 */
class AccountBrowserTest extends BrowserTest {

    /** The page's clock reads the server's fixed one, so expiry dates are judged as the server judges them. */
    @BeforeEach
    void serverTime() {
        page.clock().setFixedTime(FixedClockConfiguration.NOW.toEpochMilli());
    }

    /** A new user signed in in the browser; answers an HTTP client holding the same session. */
    private HttpTestClient signIn(String username) {
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        JsonNode tokens = anonymous.login(username, PASSWORD);
        giveSession(tokens);
        return anonymous.withBearer(tokens.get("accessToken").asString());
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    void theTabs_showTheAccount_andMoveWithTheKeyboard() {
        HttpTestClient client = signIn(unique("tabs"));
        JsonNode me = client.get("/api/v1/me").json();

        open("/account");
        assertThat(page.locator("[role=tablist]")).isVisible();
        assertThat(page.locator("[data-username]")).hasText(me.get("username").asString());
        assertThat(page.locator("[data-roles] .badge")).hasText(new String[] {"user"});
        assertThat(page.locator(".account-id")).hasText(me.get("id").asString());
        assertAccessible();
        screenshot("account-profile");

        tab("Profile").focus();
        page.keyboard().press("ArrowRight");
        page.waitForURL("**/account?tab=security");
        assertThat(tab("Security")).isFocused();
        assertThat(tab("Security")).hasAttribute("aria-selected", "true");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Two-factor sign-in")
                                .setExact(true)))
                .isVisible();
        assertAccessible();
        screenshot("account-security");

        page.keyboard().press("End");
        page.waitForURL("**/account?tab=preferences");
        assertThat(page.getByLabel("Your region")).isVisible();
        assertAccessible();
        screenshot("account-preferences");
    }

    @Test
    void anApiKey_isShownOnce_works_andStopsWorkingWhenRevokedInThePage() {
        signIn(unique("keys"));

        open("/account?tab=api-keys");
        page.getByLabel("Name").fill("Notebook");
        Locator analysis =
                page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^analysis")));
        analysis.check();
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^admin"))))
                .isDisabled();
        assertAccessible();
        button("Create key").click();

        Locator shown = page.locator("[data-new-key]");
        assertThat(shown).isVisible();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("only time the key is shown");
        String key = shown.inputValue();
        assertThat(key).isNotBlank();
        assertAccessible();
        screenshot("account-api-key-created");
        button("I stored it").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);

        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("Notebook"));
        assertThat(row).containsText("analysis");
        assertThat(row).containsText("marketdata:read");
        assertThat(row).containsText("Active");
        screenshot("account-api-keys");
        HttpTestClient withKey = anonymous.withHeader("X-API-Key", key);
        assertThat(withKey.get("/api/v1/quotes/AAPL").status())
                .as("the key from the page works")
                .isEqualTo(200);

        button("Revoke Notebook").click();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke key"))
                .click();
        assertThat(page.getByText("No active API keys")).isVisible();
        assertThat(withKey.get("/api/v1/quotes/AAPL").status())
                .as("revoked in the page, refused over HTTP")
                .isEqualTo(401);
    }

    @Test
    void aProviderKey_isStoredMasked_asTheServerMasksIt_andDeleted() {
        HttpTestClient client = signIn(unique("byok"));

        open("/account?tab=provider-keys");
        assertThat(page.getByText("No provider keys")).isVisible();
        page.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).selectOption("provider:polygon");
        page.getByLabel("Label").fill("personal");
        page.getByLabel("Key", new Page.GetByLabelOptions().setExact(true)).fill("pk-live-0123456789abcdefWXYZ");
        button("Store key").click();

        Locator masked = page.locator("[data-masked]");
        assertThat(masked).hasCount(1);
        JsonNode stored = client.get("/api/v1/me/secrets").json().get("secrets").get(0);
        assertThat(masked).hasText(stored.get("masked").asString());
        assertThat(page.locator("table")).not().containsText("0123456789abcdef");
        assertThat(page.locator("table")).containsText("Polygon.io");
        // This server (demo data) does not use Polygon: the test is refused, and the page says why.
        expectRefusal(409, "POST /api/v1/me/secrets/");
        button("Test Polygon.io key personal").click();
        Locator check = page.locator(".key-check");
        assertThat(check.locator("[data-check=error]")).hasText("Provider not enabled");
        assertThat(check)
                .containsText(client.send(client.request(
                                        "/api/v1/me/secrets/" + stored.get("id").asString() + "/test")
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build())
                        .json()
                        .get("detail")
                        .asString());
        assertAccessible();
        screenshot("account-provider-keys");

        button("Delete Polygon.io key personal").click();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete key"))
                .click();
        assertThat(page.getByText("No provider keys")).isVisible();
        assertThat(client.get("/api/v1/me/secrets").json().get("secrets")).isEmpty();
    }

    @Test
    void preferences_areKeptByTheServer() {
        HttpTestClient client = signIn(unique("prefs-page"));

        open("/account?tab=preferences");
        assertThat(page.getByLabel("Your region")).hasValue("US");
        assertThat(page.getByText("Defaults: never saved.")).isVisible();
        page.getByLabel("Your region").selectOption("JP");
        page.getByLabel(Pattern.compile("^Keep query history")).uncheck();
        button("Save preferences").click();
        assertThat(page.locator("[data-saved-at]")).containsText("Last saved");

        JsonNode saved = client.get("/api/v1/me/preferences").json();
        assertThat(saved.get("region").asString()).isEqualTo("JP");
        assertThat(saved.get("keepQueryHistory").asBoolean()).isFalse();
        assertThat(saved.get("shareUsageMetrics").asBoolean()).isFalse();

        page.reload();
        assertThat(page.getByLabel("Your region")).hasValue("JP");
        assertThat(page.getByLabel(Pattern.compile("^Keep query history")))
                .not()
                .isChecked();
    }

    @Test
    void newRecoveryCodes_areShownOnce_andSigningOutEverywhere_canRevokeTheKeysToo() {
        String username = unique("codes");
        HttpTestClient client = signIn(username);
        String secret = enableSecondFactor(client);
        String key = client.postJson("/api/v1/me/api-keys", "{\"name\":\"cron\",\"scopes\":[\"marketdata:read\"]}")
                .json()
                .get("key")
                .asString();

        open("/account?tab=security");
        assertThat(page.locator("[data-two-factor]")).hasAttribute("data-two-factor", "on");
        button("New recovery codes").click();
        page.getByLabel("Code from your authenticator app (or a recovery code)").fill(TotpCodes.at(secret, 0));
        button("Create new recovery codes").click();
        Locator codes = page.locator("[data-recovery-codes] ol.codes li");
        assertThat(codes).hasCount(10);
        String fresh = codes.nth(2).textContent().strip();
        assertAccessible();
        button("Done").click();

        page.getByLabel("Keep API keys working (programs stay connected)").uncheck();
        button("Sign out everywhere").click();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out everywhere"))
                .click();
        page.waitForURL("**/sign-in");
        assertThat(page.getByText("Signed out everywhere")).isVisible();

        assertThat(client.get("/api/v1/me").status()).as("the session ended").isEqualTo(401);
        assertThat(anonymous.withHeader("X-API-Key", key).get("/api/v1/me").status())
                .as("the key was revoked, as chosen")
                .isEqualTo(401);
        String ticket = anonymous.login(username, PASSWORD).get("mfaToken").asString();
        assertThat(anonymous
                        .postJson(
                                "/api/v1/auth/login/mfa",
                                "{\"mfaToken\":\"" + ticket + "\",\"code\":\"" + fresh + "\"}")
                        .status())
                .as("a recovery code shown in the page signs in")
                .isEqualTo(200);
    }

    @Test
    void theAccountPage_fitsAPhone() {
        signIn(unique("phone"));
        page.setViewportSize(390, 844);

        open("/account?tab=api-keys");
        assertThat(page.getByLabel("Name")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("no sideways scrolling of the page").isEqualTo(false);
        assertAccessible();
        screenshot("account-phone");
    }
}
