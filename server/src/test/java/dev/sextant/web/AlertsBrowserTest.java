package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.HttpTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Alerts in a real browser: created from fields (prefilled by {@code ?symbol=}) or a statement,
 * paused, deleted; one whose condition holds fires for real on the running demo feed (the evaluator
 * runs every 200 ms here) and arrives over the stream as a toast.
 */
class AlertsBrowserTest extends LiveBrowserTest {

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static JsonNode onlyAlert(HttpTestClient user) {
        JsonNode alerts = user.get("/api/v1/alerts").json().get("alerts");
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    @Test
    void anAlertComposedFromFields_isListed_paused_andDeletedAfterConfirming() {
        HttpTestClient user = signInWithApi(unique("alerter"));
        open("/alerts?symbol=AAPL");
        assertThat(field("Symbol")).hasValue("AAPL");
        field("When").selectOption("PRICE");
        field("Condition").selectOption(">");
        field("Value").fill("100000");
        assertThat(page.locator(".preview code")).hasText("TRACK AAPL WHEN PRICE > 100000");
        assertAccessible();
        screenshot("alerts-create");
        button("Create alert").click();

        Locator row = page.locator("tr[data-alert]");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".condition")).hasText("PRICE > 100000");
        assertThat(row.locator("[data-state]")).hasText("Active");
        JsonNode stored = onlyAlert(user);
        assertThat(stored.get("statement").asString()).isEqualTo("TRACK AAPL WHEN PRICE > 100000");

        button("Pause TRACK AAPL WHEN PRICE > 100000").click();
        assertThat(row.locator("[data-state]")).hasText("Paused");
        assertThat(onlyAlert(user).get("state").asString()).isEqualTo("paused");
        page.reload();
        assertThat(page.locator("tr[data-alert] [data-state]")).hasText("Paused");

        button("Resume TRACK AAPL WHEN PRICE > 100000").click();
        assertThat(row.locator("[data-state]")).hasText("Active");
        assertThat(onlyAlert(user).get("state").asString()).isEqualTo("active");

        button("Delete TRACK AAPL WHEN PRICE > 100000").click();
        button("Cancel").click();
        assertThat(row).hasCount(1);
        button("Delete TRACK AAPL WHEN PRICE > 100000").click();
        button("Delete").click();
        assertThat(page.getByText("No alerts yet")).isVisible();
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).isEmpty();
    }

    @Test
    void anAlertWhoseConditionHolds_firesForReal_andArrivesAsAToastAndInItsHistory() {
        HttpTestClient user = signInWithApi(unique("fired"));
        open("/alerts");
        waitForLiveStream();
        button("TRACK statement").click();
        field("TRACK statement").fill("TRACK BTC-USD WHEN PRICE > 1");
        button("Create alert").click();

        Locator toast = page.locator(".toast", new Page.LocatorOptions().setHasText("Alert fired: BTC-USD"));
        assertThat(toast).isVisible();
        assertThat(toast).containsText("PRICE > 1");
        assertThat(toast).containsText("DEMO");

        JsonNode alert = onlyAlert(user);
        JsonNode firing = user.get("/api/v1/alerts/" + alert.get("id").asString() + "/firings")
                .json()
                .get("firings")
                .get(0);
        // The list reads again after the firing: last fired is no longer "never".
        Locator row = page.locator("tr[data-alert='" + alert.get("id").asString() + "']");
        assertThat(row.locator("time").first())
                .hasAttribute("datetime", firing.get("firedAt").asString());

        button("Firings of TRACK BTC-USD WHEN PRICE > 1").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.locator("tbody tr")).hasCount(1);
        assertThat(dialog.locator("tbody tr td.num"))
                .hasText(priceText(firing.get("price").asDouble()));
        assertThat(dialog.locator(".badge.demo")).isVisible();
        assertAccessible();
        screenshot("alerts-firings");
        button("Close").click();

        assertAccessible();
        screenshot("alerts");
        page.setViewportSize(390, 844);
        screenshot("alerts-390");
    }

    @Test
    void aStatementThatDoesNotParse_isRefusedWithTheServersMessageAndPosition() {
        HttpTestClient user = signInWithApi(unique("typo"));
        expectRefusal(400, "POST /api/v1/alerts");
        open("/alerts");
        button("TRACK statement").click();
        field("TRACK statement").fill("TRACK AAPL WHEN PRICE >> 3");
        button("Create alert").click();
        Locator problem = page.locator("[data-problem]");
        assertThat(problem).isVisible();
        JsonNode refusal = user.postJson("/api/v1/alerts", "{\"query\":\"TRACK AAPL WHEN PRICE >> 3\"}")
                .json();
        assertThat(problem).containsText(refusal.get("detail").asString());
        assertThat(problem).containsText("column " + refusal.get("column").asInt());
        assertThat(field("TRACK statement")).hasAttribute("aria-invalid", "true");
        assertThat(user.get("/api/v1/alerts").json().get("alerts")).isEmpty();
    }

    private static String priceText(double price) {
        return String.format(java.util.Locale.US, "%,.2f", price);
    }
}
