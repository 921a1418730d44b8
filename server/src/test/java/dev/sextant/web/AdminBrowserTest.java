package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.BrowserTest;
import dev.sextant.support.HttpTestClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The administration page in a browser: accounts made through it, the audit log they leave, the other tabs. */
class AdminBrowserTest extends BrowserTest {

    /** What /api/v1/providers answers on a server with live providers: one closed, one half-open, one open circuit. */
    private static final String PROVIDERS = """
            {"providers":[
             {"id":"yahoo","description":"Yahoo Finance chart API","assetClasses":["EQUITY","ETF","INDEX"],
              "intervals":["1d","1h"],"capabilities":["bars","quotes"],"needsKey":false,"licence":"shared",
              "rateLimit":{"requests":60,"per":"PT1M"},"requestsLeft":48,"circuit":"closed","failureRate":2.5,
              "score":{"score":0.87,"successRate":0.975,"latencyMs":182,"freshness":1,"completeness":1,"agreement":0.99,
               "calls":412,"failures":10,"lastFailure":"timeout","lastFailureAt":"2026-01-01T10:00:00Z",
               "lastSuccessAt":"2026-01-01T12:00:00Z"}},
             {"id":"stooq","description":"Stooq daily bars","assetClasses":["EQUITY"],"intervals":["1d"],
              "capabilities":["bars"],"needsKey":false,"licence":"shared","rateLimit":{"requests":1000,"per":"PT24H"},
              "requestsLeft":700,"circuit":"half_open","failureRate":40,
              "score":{"score":0.41,"successRate":0.6,"latencyMs":640,"freshness":0.8,"completeness":1,"agreement":0.95,
               "calls":50,"failures":20,"lastFailure":"HTTP 503","lastFailureAt":"2026-01-01T11:59:00Z",
               "lastSuccessAt":"2026-01-01T11:00:00Z"}},
             {"id":"polygon","description":"Polygon.io aggregates","assetClasses":["EQUITY","CRYPTO"],"intervals":["1d","1m"],
              "capabilities":["bars","quotes"],"needsKey":true,"licence":"personal","rateLimit":{"requests":5,"per":"PT1M"},
              "requestsLeft":0,"circuit":"open","failureRate":100,
              "score":{"score":0.05,"successRate":0,"latencyMs":0,"freshness":0,"completeness":0,"agreement":0,
               "calls":8,"failures":8,"lastFailure":"HTTP 429","lastFailureAt":"2026-01-01T11:59:30Z","lastSuccessAt":null}}],
             "caches":[{"name":"quotes","hits":300,"staleHits":0,"sharedHits":0,"misses":100,"failures":2,"size":41,"hitRatio":0.75}],
             "sharedCache":false}
            """;

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }

    /** An API client with the browser's own session, for checking what the page shows against the server. */
    private HttpTestClient sameSession() {
        String token = (String) page.evaluate("JSON.parse(localStorage.getItem('sextant.session')).accessToken");
        return anonymous.withBearer(token);
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void anAdminCreatesAnAccount_andSeesItInTheFilteredAuditLog_withTheChainVerified() {
        String adminName = unique("chief");
        signInAsNewAdmin(adminName);
        String newName = unique("recruit");

        open("/admin");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Administration").setExact(true)))
                .isVisible();
        assertThat(tab("Accounts")).hasAttribute("aria-selected", "true");
        button("Create account").click();
        field("Username").fill(newName);
        field("analyst").check();
        button("Create").click();
        Locator password = field("One-time password");
        assertThat(password).not().hasValue("");
        String oneTimePassword = password.inputValue();
        assertThat(oneTimePassword).hasSizeGreaterThanOrEqualTo(12);
        screenshot("admin-account-created");
        button("Done").click();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(newName));
        assertThat(row).containsText("analyst");
        assertThat(row).containsText("user");
        // The password the page showed is the account's: it signs in (and must be replaced).
        assertThat(anonymous
                        .login(newName, oneTimePassword)
                        .get("passwordChangeRequired")
                        .asBoolean())
                .isTrue();

        HttpTestClient api = sameSession();
        String adminId = api.get("/api/v1/me").json().get("id").asString();
        String newId = null;
        for (JsonNode account :
                api.get("/api/v1/admin/accounts?size=200").json().get("accounts")) {
            if (account.get("username").asString().equals(newName)) {
                newId = account.get("id").asString();
            }
        }
        assertThat(newId).isNotNull();

        tab("Audit log").click();
        page.waitForURL("**/admin/audit");
        Locator badge = page.locator(".verify-badge");
        assertThat(badge).hasText("Verified");
        long checked =
                api.get("/api/v1/admin/audit/verify").json().get("checked").asLong();
        assertThat(page.locator(".verification")).containsText("events verified");
        String shown = page.locator(".verification strong").innerText().replaceAll("[^0-9]", "");
        assertThat(Long.parseLong(shown)).isPositive().isLessThanOrEqualTo(checked);

        field("Type").selectOption("ACCOUNT_CREATED");
        field("Actor").fill(adminName);
        button("Apply filters").click();
        Locator events = page.locator("table.table tbody tr");
        assertThat(events).hasCount(1);
        assertThat(events.first()).containsText("ACCOUNT_CREATED");
        assertThat(events.first()).containsText(newName);
        assertThat(events.first()).containsText(adminName);
        assertThat(events.first()).containsText("roles: [analyst, user]");
        assertThat(events.first().locator("[title='" + newId + "']")).isVisible();
        JsonNode server = api.get("/api/v1/admin/audit?type=ACCOUNT_CREATED&actor=" + adminId)
                .json()
                .get("events");
        assertThat(server).hasSize(1);
        assertThat(server.get(0).get("subject").asString()).isEqualTo(newId);
        assertAccessible();
        screenshot("admin-audit");

        // A time range that ends before the fixed clock's now leaves nothing.
        field("From").fill("2001-01-01T00:00");
        field("To").fill("2001-01-02T00:00");
        button("Apply filters").click();
        assertThat(page.getByText("No event matches these filters.")).isVisible();
    }

    @Test
    void theProvidersAndMetricsTabsShowTheServersState_andWorkOnAPhone() {
        signInAsNewAdmin(unique("ops"));
        open("/admin/providers");
        assertThat(tab("Providers")).hasAttribute("aria-selected", "true");
        // The shared test server runs on demo data with no live provider: the page says so.
        assertThat(page.getByText("No provider enabled")).isVisible();
        assertThat(page.locator("table.table")).containsText("quotes");

        // Providers as a live server reports them: each circuit state and budget drawn as reported.
        page.route(
                "**/api/v1/providers",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("application/json")
                        .setBody(PROVIDERS)));
        page.reload();
        Locator yahoo = page.locator("article[data-provider=yahoo]");
        assertThat(yahoo.locator("[data-circuit]")).hasText("circuit closed");
        assertThat(yahoo.locator("[data-circuit]")).hasClass(Pattern.compile("\\bok\\b"));
        assertThat(yahoo).containsText("12 / 60 per minute");
        assertThat(yahoo.getByRole(AriaRole.METER)).hasAttribute("aria-valuenow", "12");
        assertThat(yahoo).containsText("0.87");
        Locator polygon = page.locator("article[data-provider=polygon]");
        assertThat(polygon.locator("[data-circuit]")).hasText("circuit open");
        assertThat(polygon.locator("[data-circuit]")).hasClass(Pattern.compile("\\bconflict\\b"));
        assertThat(polygon).containsText("5 / 5 per minute");
        assertThat(page.locator("article[data-provider=stooq] [data-circuit]")).hasText("circuit half-open");
        assertThat(page.locator("table.table tr", new Page.LocatorOptions().setHasText("quotes")))
                .containsText("75.0%");
        assertAccessible();
        screenshot("admin-providers");
        page.unroute("**/api/v1/providers");

        tab("Metrics").click();
        page.waitForURL("**/admin/metrics");
        assertThat(page.locator(".stat.tile")).hasCount(9);
        assertThat(page.locator(".stat.tile", new Page.LocatorOptions().setHasText("JVM heap")))
                .containsText(java.util.regex.Pattern.compile("[MG]iB"));
        assertThat(page.locator("table.table")).containsText("/api/v1/");
        assertAccessible();
        screenshot("admin-metrics");

        tab("Accounts").click();
        page.waitForURL("**/admin/accounts");
        assertThat(page.locator("table.table tbody tr").first()).isVisible();
        screenshot("admin-accounts");

        page.setViewportSize(390, 844);
        page.route(
                "**/api/v1/providers",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("application/json")
                        .setBody(PROVIDERS)));
        for (String section : new String[] {"accounts", "audit", "providers", "metrics"}) {
            open("/admin/" + section);
            assertThat(page.locator("[role=tab][aria-selected=true]")).isVisible();
            assertThat(page.locator(".admin-panel .card").first()).isVisible();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow)
                    .as("the page scrolls sideways at 390 px on " + section)
                    .isEqualTo(false);
            screenshot("admin-" + section + "-390");
        }
    }

    @Test
    void anAccountCannotBeDisabledByItsOwnAdmin_butAnotherIs_withAToast() {
        String adminName = unique("keeper");
        signInAsNewAdmin(adminName);
        String other = unique("leaver");
        accounts.createAccount(other, null, PASSWORD, java.util.Set.of(dev.sextant.platform.Role.USER), false);

        open("/admin/accounts");
        // The suite's server holds many accounts: find each by name, as an administrator would.
        page.getByLabel("Find accounts by username").fill(adminName);
        assertThat(button("Disable " + adminName)).isDisabled();
        page.getByLabel("Find accounts by username").fill(other);
        button("Disable " + other).click();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))
                .click();
        assertThat(page.locator("[data-toast=success]")).containsText(other + " disabled");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(other));
        assertThat(row).containsText("disabled");
        assertThat(anonymous
                        .postJson(
                                "/api/v1/auth/login",
                                "{\"username\":\"" + other + "\",\"password\":\"" + PASSWORD + "\"}")
                        .status())
                .isEqualTo(403);

        // Roles change through their dialog; the table shows what the server stored.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit roles of " + other))
                .click();
        field("analyst").check();
        button("Save roles").click();
        assertThat(page.locator("[data-toast=success]").last()).containsText("Roles changed");
        assertThat(row).containsText("analyst");

        // A taken username is refused at the field it names, with the server's words.
        expectRefusal(409, "POST /api/v1/admin/accounts");
        button("Create account").click();
        field("Username").fill(other);
        button("Create").click();
        assertThat(field("Username")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#new-username-hint")).hasText("That username is taken.");
    }

    @Test
    void aNonAdminOpeningAdmin_seesNotAllowed_andNoAdminDataIsFetched() {
        signInAsNewUser(unique("nosy"));
        java.util.List<String> adminCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/admin") || request.url().contains("/api/v1/providers")) {
                adminCalls.add(request.url());
            }
        });
        open("/admin/audit");
        assertThat(page.getByText("Administrators only")).isVisible();
        assertThat(page.locator(".admin-panel")).hasCount(0);
        assertThat(adminCalls).isEmpty();
        assertAccessible();
    }
}
