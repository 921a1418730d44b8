package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.BrowserTest;
import dev.sextant.support.HttpTestClient;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Markets and the instrument page in a real browser: the list with its quotes, the autocomplete,
 * the chart with indicators from the registry (values the API's), intervals, the cards under it,
 * and an alert created from the page.
 */
class MarketsBrowserTest extends BrowserTest {

    /** A price as the app writes it (lib/format.js price: more digits for small ones), en-US. */
    private static String price(double value) {
        double size = Math.abs(value);
        int digits = size >= 1 ? 2 : size >= 0.01 ? 4 : 6;
        return String.format(Locale.US, "%,." + digits + "f", value);
    }

    private JsonNode last(String path, String array) {
        HttpTestClient.Answer answer = http.get(path);
        org.assertj.core.api.Assertions.assertThat(answer.status())
                .as(answer.body())
                .isEqualTo(200);
        JsonNode items = answer.json().get(array);
        return items.get(items.size() - 1);
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator interval(String label) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Interval"))
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private void addIndicator(String name, String parameter, String value) {
        button("Indicators").click();
        page.getByLabel("Filter indicators").fill(name);
        page.locator(".picker-item", new Page.LocatorOptions().setHasText(name))
                .first()
                .click();
        if (parameter != null) {
            page.getByLabel(parameter, new Page.GetByLabelOptions().setExact(true))
                    .fill(value);
        }
        button("Add to chart").click();
        // off the chart, the legend shows the last bar's values (over it, the cursor's)
        page.mouse().move(1, 1);
    }

    private void waitForChart() {
        page.waitForSelector("[data-chart] canvas");
        page.waitForSelector("[data-legend-close]");
    }

    @Test
    void theMarketsListShowsEveryInstrumentByAssetClassWithTheApisPriceAndItsDemoBadge() {
        signInAsNewUser(unique("markets"));
        open("/markets");

        Locator stocks = page.locator("[data-asset-class='EQUITY']");
        assertThat(stocks.getByRole(AriaRole.HEADING)).containsText("Stocks");
        Locator apple = stocks.locator("tr", new Locator.LocatorOptions().setHasText("Apple Inc."));
        double quote = http.get("/api/v1/quotes/AAPL").json().get("price").asDouble();
        assertThat(apple).containsText(price(quote));
        assertThat(apple.locator(".badge.demo")).hasText("DEMO");
        assertThat(page.locator("[data-asset-class='CRYPTO']")).containsText("BTC-USD");
        int listed = http.get("/api/v1/instruments").json().get("instruments").size();
        assertThat(page.locator("[data-asset-class] tbody tr")).hasCount(listed);

        assertAccessible();
        page.setViewportSize(1280, 2400);
        screenshot("markets");
    }

    @Test
    void aSymbolFoundByAutocompleteOpensItsChartWithTheApisValuesAndAnRsiPane() {
        signInAsNewUser(unique("chart"));
        open("/markets");

        page.getByLabel("Find a symbol").fill("apple");
        Locator option = page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("Apple Inc."));
        assertThat(option).containsText("AAPL");
        page.keyboard().press("Enter");
        page.waitForURL("**/markets/AAPL");
        waitForChart();

        // The legend shows the last daily bar the API serves, and the header the quote.
        JsonNode bar = last("/api/v1/bars/AAPL?interval=1d", "bars");
        assertThat(page.locator("[data-legend-close]"))
                .hasText(price(bar.get("close").asDouble()));
        assertThat(page.locator("[data-legend-open]"))
                .hasText(price(bar.get("open").asDouble()));
        double quote = http.get("/api/v1/quotes/AAPL").json().get("price").asDouble();
        assertThat(page.locator(".quote-price")).hasText(price(quote));
        assertThat(page.locator(".chart-card .card-header .badge.demo")).hasText("DEMO");
        assertThat(page.locator(".quote-line .badge.demo")).hasText("DEMO");
        // TradingView's attribution stays, styled by the one stylesheet the policy admits by hash.
        Locator logo = page.locator("[data-chart] a#tv-attr-logo");
        assertThat(logo).hasAttribute("href", java.util.regex.Pattern.compile("^https://www\\.tradingview\\.com/"));
        assertThat(logo).hasCSS("position", "absolute");

        // An RSI pane: its value in the legend is the API's last RSI, and the chart grew a pane.
        double before = page.locator("[data-chart]").boundingBox().height;
        addIndicator("RSI", "period", "14");
        JsonNode rsi = last("/api/v1/indicators/AAPL?name=RSI&period=14&interval=1d", "points");
        assertThat(page.locator("[data-legend-indicator='RSI'] b"))
                .hasText(String.format(Locale.US, "%.2f", rsi.get("value").asDouble()));
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Indicators on the chart")))
                .containsText("RSI(14)");
        org.assertj.core.api.Assertions.assertThat(page.locator("[data-chart]").boundingBox().height)
                .isGreaterThan(before + 100);

        // Overlays on the price: an SMA with a chosen period and Bollinger Bands' three outputs.
        addIndicator("SMA", "period", "50");
        JsonNode sma = last("/api/v1/indicators/AAPL?name=SMA&period=50&interval=1d", "points");
        assertThat(page.locator("[data-legend-indicator='SMA'] b"))
                .hasText(price(sma.get("value").asDouble()));
        addIndicator("BBANDS", "period", "20");
        JsonNode bands = last("/api/v1/indicators/AAPL?name=BBANDS&period=20&interval=1d", "points");
        assertThat(page.locator("[data-legend-indicator='BBANDS'] b[data-output='upper']"))
                .containsText(price(bands.get("value").get("upper").asDouble()));

        // Weekly bars: the legend moves to the API's last weekly bar and weekly RSI.
        interval("1w").click();
        assertThat(interval("1w")).hasAttribute("aria-pressed", "true");
        JsonNode week = last("/api/v1/bars/AAPL?interval=1wk", "bars");
        assertThat(page.locator("[data-legend-close]"))
                .hasText(price(week.get("close").asDouble()));
        JsonNode weeklyRsi = last("/api/v1/indicators/AAPL?name=RSI&period=14&interval=1wk", "points");
        assertThat(page.locator("[data-legend-indicator='RSI'] b"))
                .hasText(String.format(Locale.US, "%.2f", weeklyRsi.get("value").asDouble()));
        interval("1d").click();
        assertThat(page.locator("[data-legend-close]"))
                .hasText(price(bar.get("close").asDouble()));
        // Back on daily bars, the chart shows the range picked (1Y): the year up to the last bar.
        long lastBar = java.time.Instant.parse(bar.get("time").asString()).getEpochSecond();
        assertThat(page.locator("[data-chart]")).hasAttribute("data-visible-to", String.valueOf(lastBar));
        long shownFrom = Long.parseLong(page.locator("[data-chart]").getAttribute("data-visible-from"));
        org.assertj.core.api.Assertions.assertThat(lastBar - shownFrom)
                .as("seconds shown before the last bar")
                .isBetween(358L * 86_400, 372L * 86_400);

        // The cards under the chart, each with where its figures came from.
        assertThat(page.locator("[data-card='risk'] [data-risk='beta']")).containsText("SPY");
        JsonNode risk = http.get("/api/v1/analytics/risk/AAPL?benchmark=SPY").json();
        assertThat(page.locator("[data-card='risk'] [data-risk='beta'] .value"))
                .hasText(String.format(Locale.US, "%.2f", risk.get("beta").asDouble()));
        assertThat(page.locator("[data-card='news'] .news-list li").first().locator(".badge.sentiment"))
                .isVisible();
        Locator headline = page.locator("[data-card='news'] .news-headline").first();
        assertThat(headline).hasAttribute("rel", "noopener noreferrer");
        assertThat(page.locator("[data-card='fundamentals'] [data-concept='Revenues']"))
                .isVisible();
        assertThat(page.locator("[data-card='fundamentals'] .badge.demo")).hasText("DEMO");

        assertAccessible();
        page.mouse().move(0, 0);
        page.setViewportSize(1280, 2200);
        screenshot("instrument");
        page.setViewportSize(390, 2600);
        page.waitForTimeout(200);
        screenshot("instrument-390");
    }

    @Test
    void theIndicatorPickerListsTheRegistryAndRefusesAParameterOutOfItsBounds() {
        signInAsNewUser(unique("picker"));
        open("/markets/MSFT");
        waitForChart();

        button("Indicators").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        int registry = http.get("/api/v1/indicators").json().get("indicators").size();
        assertThat(dialog.locator(".picker-item")).hasCount(registry);
        assertThat(dialog.locator(".picker-group").first()).containsText("On the price");
        dialog.locator(".picker-item", new Locator.LocatorOptions().setHasText("MACD"))
                .first()
                .click();
        page.getByLabel("fast", new Page.GetByLabelOptions().setExact(true)).fill("1");
        button("Add to chart").click();
        assertThat(dialog.locator(".field .error")).hasText("From 2 to 1000.");
        assertAccessible();
        page.getByLabel("fast", new Page.GetByLabelOptions().setExact(true)).fill("8");
        button("Add to chart").click();
        page.mouse().move(1, 1);
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Indicators on the chart")))
                .containsText("MACD(8, 26, 9)");
        JsonNode macd = last("/api/v1/indicators/MSFT?name=MACD&fast=8&interval=1d", "points");
        assertThat(page.locator("[data-legend-indicator='MACD'] b[data-output='signal']"))
                .containsText(price(macd.get("value").get("signal").asDouble()));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove MACD(8, 26, 9)"))
                .click();
        assertThat(page.locator("[data-legend-indicator='MACD']")).hasCount(0);
    }

    @Test
    void anAlertCreatedOnTheInstrumentPageIsStoredForTheUser_andARefusalShowsItsMessage() {
        String username = unique("alerter");
        signInAsNewUser(username);
        open("/markets/MSFT");
        waitForChart();

        button("Create alert").click();
        Locator condition = page.getByLabel("Fire when");
        expectRefusal(400, "POST /api/v1/alerts");
        condition.fill("PRICE >");
        button("Create alert").last().click();
        Locator error = page.locator("#alert-hint[role='alert']");
        assertThat(error).isVisible();
        org.assertj.core.api.Assertions.assertThat(error.textContent()).isNotBlank();

        condition.fill("PRICE > 1000");
        assertThat(page.locator(".alert-statement")).hasText("TRACK MSFT WHEN PRICE > 1000");
        button("Create alert").last().click();
        assertThat(page.locator("[data-toast='success']")).containsText("Alert stored");

        HttpTestClient user = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
        JsonNode alerts = user.get("/api/v1/alerts").json();
        assertThat(alerts.toString()).contains("MSFT").contains("PRICE > 1000");
    }
}
