package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.BrowserTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The FK-DSL console in a real browser: run, read the tables, see an error where it is, history, CSV. */
class QueryConsoleBrowserTest extends BrowserTest {

    private static final String QUERY = "EVALUATE AAPL: PRICE, RSI(14), CHANGE(1d), SMA(50)";

    private Locator editor() {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("FK-DSL query"));
    }

    private void run(String text) {
        editor().fill(text);
        editor().press("Control+Enter");
    }

    @Test
    void aQueryAnswersTheApisValues_exportsThemAsCsv_andStaysInTheHistory() throws IOException {
        signInAsNewUser(unique("console"));
        open("/query");
        run(QUERY);

        Locator result = page.locator("[data-result='0']");
        assertThat(result).isVisible();
        JsonNode api = http.query(QUERY).json().get("results").get(0);
        JsonNode row = api.get("rows").get(0);
        Locator cells = result.locator("tbody tr").first().locator("td [data-value]");
        assertThat(cells).hasCount(api.get("columns").size());
        for (int i = 0; i < row.size(); i++) {
            assertThat(cells.nth(i))
                    .hasAttribute(
                            "data-value",
                            row.get(i).isNumber()
                                    ? numberText(row.get(i))
                                    : row.get(i).asString());
        }
        // The shown RSI is the API's value, rounded for reading.
        double shownRsi = Double.parseDouble(cells.nth(2).innerText().replace(",", ""));
        assertThat(shownRsi).isCloseTo(row.get(2).asDouble(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(result.locator("thead")).containsText("RSI(14) (index 0 to 100)");
        assertThat(result.locator("thead")).containsText("CHANGE(1D) (fraction)");
        assertThat(page.locator(".query-results-head > [data-provenance] .badge.demo"))
                .isVisible();

        Download download = page.waitForDownload(
                () -> result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Export CSV"))
                        .click());
        List<String> csv = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(csv.get(0))
                .isEqualTo("symbol,PRICE (price),RSI(14) (index 0 to 100),CHANGE(1D) (fraction),SMA(50) (price)");
        assertThat(csv.get(1))
                .isEqualTo("AAPL," + numberText(row.get(1)) + "," + numberText(row.get(2)) + ","
                        + numberText(row.get(3)) + "," + numberText(row.get(4)));

        page.reload();
        page.waitForSelector("#app:not(.boot)");
        Locator history = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Query history"));
        assertThat(history.locator("li").first()).containsText(QUERY);
        editor().fill("");
        history.locator("li").first().getByRole(AriaRole.BUTTON).click();
        assertThat(editor()).hasValue(QUERY);
        assertAccessible();

        // The vocabulary, from GET /api/v1/query/vocabulary: filter it, insert a metric at the end.
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Vocabulary"))
                .click();
        page.getByLabel("Filter the vocabulary").fill("stochrsi");
        Locator metrics = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Metrics"));
        assertThat(metrics.locator("li")).hasCount(1);
        assertThat(metrics).containsText("STOCHRSI(period, fastk, fastd)");
        editor().fill("EVALUATE AAPL:");
        metrics.locator("li button").click();
        assertThat(editor()).hasValue("EVALUATE AAPL: STOCHRSI(14,5,3)");
        assertAccessible();
        screenshot("query-vocabulary");
    }

    @Test
    void aBadQueryIsMarkedInTheEditorAtTheReportedLineAndColumn() {
        signInAsNewUser(unique("console-error"));
        expectRefusal(400, "POST /api/v1/query");
        open("/query");
        String bad = "EVALUATE AAPL: PRICE,\n  SMA(50), RSX(14)";
        run(bad);

        JsonNode problem = http.query(bad).json();
        Locator marker = page.locator("[data-error-marker]");
        assertThat(marker)
                .hasAttribute("data-line", String.valueOf(problem.get("line").asInt()));
        assertThat(marker)
                .hasAttribute(
                        "data-column", String.valueOf(problem.get("column").asInt()));
        assertThat(marker).hasText("RSX(14)".substring(0, 3));
        assertThat(page.locator("#query-error"))
                .containsText(problem.get("detail").asString());
        assertThat(page.locator("#query-error")).containsText("did you mean RSI?");
        assertThat(editor()).hasAttribute("aria-describedby", "query-error");
        assertThat(editor()).hasAttribute("aria-invalid", "true");
        // Drawn where the column is: the marker starts (column - 1) characters into its line.
        @SuppressWarnings("unchecked")
        Map<String, Object> geometry = (Map<String, Object>) page.evaluate("() => {"
                + " const m = document.querySelector('[data-error-marker]').getBoundingClientRect();"
                + " const t = document.querySelector('.editor-input'); const s = getComputedStyle(t);"
                + " const p = document.querySelector('.editor-probe').getBoundingClientRect();"
                + " const box = t.getBoundingClientRect();"
                + " return { x: m.left - box.left - parseFloat(s.paddingLeft), y: m.top - box.top - parseFloat(s.paddingTop),"
                + " ch: p.width / 10, line: parseFloat(s.lineHeight) }; }");
        double ch = ((Number) geometry.get("ch")).doubleValue();
        double lineHeight = ((Number) geometry.get("line")).doubleValue();
        assertThat(((Number) geometry.get("x")).doubleValue())
                .isCloseTo((problem.get("column").asInt() - 1) * ch, org.assertj.core.api.Assertions.within(1.5));
        assertThat(((Number) geometry.get("y")).doubleValue())
                .isCloseTo((problem.get("line").asInt() - 1) * lineHeight, org.assertj.core.api.Assertions.within(3.0));
        assertAccessible();
        screenshot("query-error");
        page.setViewportSize(390, 900);
        screenshot("query-error-narrow");
        page.setViewportSize(1280, 800);

        // Fixing the text clears the marker.
        editor().press("End");
        editor().type(" ");
        assertThat(marker).hasCount(0);
    }

    @Test
    void aTimeSeriesIsChartedAndCompletionsComeFromTheVocabulary() {
        signInAsNewUser(unique("console-chart"));
        open("/query");
        editor().fill("");
        editor().type("EVALUATE AAPL: RS");
        Locator suggestions = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Suggestions"));
        assertThat(suggestions.getByRole(AriaRole.OPTION).first()).containsText("RSI");
        editor().press("Enter");
        assertThat(editor()).hasValue("EVALUATE AAPL: RSI(14)");
        editor().fill("");
        editor().press("Control+Space");
        assertThat(suggestions).containsText("EVALUATE");
        editor().press("Escape");

        run("GET OHLCV FOR AAPL");
        Locator result = page.locator("[data-result='0']");
        assertThat(result.locator(".query-chart-canvas canvas").first()).isVisible();
        JsonNode api = http.query("GET OHLCV FOR AAPL").json().get("results").get(0);
        assertThat(result.locator(".query-chart-canvas"))
                .hasAttribute(
                        "aria-label",
                        "Line chart of close (price) over date, "
                                + api.get("rows").size() + " points");
        result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Table"))
                .click();
        assertThat(result.locator("tbody tr")).hasCount(api.get("rows").size());
        result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Chart"))
                .click();
        assertAccessible();
        page.setViewportSize(1280, 1100);
        screenshot("query-console");
        page.setViewportSize(390, 1500);
        screenshot("query-console-narrow");
    }

    /** A number as JavaScript's String(n) writes it (the cells' data-value and the CSV). */
    private static String numberText(JsonNode number) {
        double value = number.asDouble();
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return String.valueOf((long) value);
        }
        return new java.math.BigDecimal(Double.toString(value)).toPlainString();
    }
}
