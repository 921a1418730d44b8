package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.HttpTestClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Watchlists in a real browser: live prices over the real stream, order, removal, universes. */
class WatchlistBrowserTest extends LiveBrowserTest {

    private static List<String> symbolsOf(HttpTestClient user, String id) {
        JsonNode list = user.get("/api/v1/me/watchlists/" + id).json();
        return list.get("symbols").valueStream().map(JsonNode::asString).toList();
    }

    /** The list as the server keeps it, once the page's saves (sent in order, one at a time) landed. */
    private void stored(HttpTestClient user, String id, String... symbols) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!symbolsOf(user, id).equals(List.of(symbols)) && System.nanoTime() < deadline) {
            page.waitForTimeout(100);
        }
        assertThat(symbolsOf(user, id)).containsExactly(symbols);
    }

    private List<String> rowsShown() {
        return page.locator(".watchlist-table tbody tr").all().stream()
                .map(row -> row.getAttribute("data-symbol"))
                .toList();
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aSymbolAddedToANewWatchlist_showsItsQuote_andTicksLiveOverTheStream() {
        HttpTestClient user = signInWithApi(unique("watcher"));
        open("/watchlists");
        button("Create a watchlist").click();
        field("Name").fill("Crypto");
        button("Create").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Crypto")))
                .isVisible();

        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Add a symbol to Crypto"))
                .fill("BTC-USD");
        page.getByRole(AriaRole.OPTION).first().waitFor();
        page.keyboard().press("Enter");

        Locator row = page.locator("tr[data-symbol='BTC-USD']");
        Locator last = row.locator(".price-cell");
        assertThat(row.locator(".source-cell .badge.demo")).isVisible();
        waitForLiveStream();
        // The stream's ticks: the cell counts them, and the price it shows moves.
        page.waitForFunction(
                "() => +document.querySelector(\"tr[data-symbol='BTC-USD'] .price-cell\").dataset.ticks >= 1");
        String first = last.textContent().strip();
        page.waitForFunction(
                "was => document.querySelector(\"tr[data-symbol='BTC-USD'] .price-cell\").textContent.trim() !== was",
                first);
        assertThat(last.textContent().strip()).isNotEqualTo(first);
        JsonNode lists = user.get("/api/v1/me/watchlists").json().get("watchlists");
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).get("name").asString()).isEqualTo("Crypto");
        assertThat(lists.get(0).get("symbols").get(0).asString()).isEqualTo("BTC-USD");
        // The quote shown is the API's: the same currency figure to the cent within the tick's range.
        double shown = Double.parseDouble(last.textContent().strip().replace(",", ""));
        double api = user.get("/api/v1/quotes/BTC-USD").json().get("price").asDouble();
        assertThat(shown).isCloseTo(api, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void theOrderIsChangedWithMoveButtonsAndTheKeyboard_andARemovedSymbolLeavesTheList() {
        HttpTestClient user = signInWithApi(unique("orderer"));
        String id = user.postJson(
                        "/api/v1/me/watchlists", "{\"name\":\"Core\",\"symbols\":[\"AAPL\",\"MSFT\",\"BTC-USD\"]}")
                .json()
                .get("id")
                .asString();
        open("/watchlists");
        page.waitForSelector("tr[data-symbol='BTC-USD'] .source-cell .badge.demo");
        assertThat(rowsShown()).containsExactly("AAPL", "MSFT", "BTC-USD");

        button("Move BTC-USD up").click();
        assertThat(page.locator(".watchlist-table tbody tr").nth(1)).hasAttribute("data-symbol", "BTC-USD");
        stored(user, id, "AAPL", "BTC-USD", "MSFT");

        // Keyboard: focus stays on the moved row's button, so Enter moves it on.
        button("Move AAPL down").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".watchlist-table tbody tr").first()).hasAttribute("data-symbol", "BTC-USD");
        page.waitForFunction("() => document.activeElement?.getAttribute('aria-label') === 'Move AAPL down'");
        page.keyboard().press("Enter");
        assertThat(page.locator(".watchlist-table tbody tr").last()).hasAttribute("data-symbol", "AAPL");
        stored(user, id, "BTC-USD", "MSFT", "AAPL");

        button("Remove MSFT").click();
        assertThat(page.locator("tr[data-symbol='MSFT']")).hasCount(0);
        stored(user, id, "BTC-USD", "AAPL");
        assertThat(rowsShown()).containsExactly("BTC-USD", "AAPL");

        waitForLiveStream();
        assertAccessible();
        screenshot("watchlists");
        page.setViewportSize(390, 844);
        screenshot("watchlists-390");
    }

    @Test
    void aListIsRenamedAndDeleted_andTheUniversesListTheirMembers() {
        HttpTestClient user = signInWithApi(unique("renamer"));
        user.postJson("/api/v1/me/watchlists", "{\"name\":\"Old name\",\"symbols\":[\"SPY\"]}");
        open("/watchlists");
        button("Rename").click();
        field("Name").fill("Index funds");
        button("Rename").last().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Index funds")))
                .isVisible();
        assertThat(user.get("/api/v1/me/watchlists")
                        .json()
                        .get("watchlists")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Index funds");

        button("Delete list").click();
        button("Delete").click();
        assertThat(page.getByText("No watchlists yet")).isVisible();
        assertThat(user.get("/api/v1/me/watchlists").json().get("watchlists")).isEmpty();

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Universes"))
                .click();
        Locator members = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Members of demo"));
        assertThat(members).isVisible();
        JsonNode demo = user.get("/api/v1/universes/demo").json().get("symbols");
        assertThat(members.locator("li")).hasCount(demo.size());
        members.getByRole(AriaRole.LINK).first().click();
        page.waitForURL("**/markets/" + demo.get(0).asString());
        page.goBack();
        assertThat(members).isVisible();
        assertAccessible();
        screenshot("universes");
    }
}
