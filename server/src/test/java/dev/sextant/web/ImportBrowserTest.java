package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.sextant.platform.Role;
import dev.sextant.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Importing a bar file in a real browser: the preview with its bad line, the import, the instrument. */
class ImportBrowserTest extends BrowserTest {

    private static final String FILE = """
            Date,Open,High,Low,Close,Volume
            2024-01-02,100,102,99,101,1000
            2024-01-03,101,104,100,103,1200
            2024-01-04,103,oops,97,98,1500
            2024-01-05,98,99,95,96,1800
            """;

    @Test
    void anAnalystPreviewsAFile_seesTheBadLine_importsTheRest_andOpensTheInstrument() {
        String analyst = unique("import-analyst");
        accounts.createAccount(analyst, null, PASSWORD, Set.of(Role.ANALYST), false);
        signInAs(analyst, PASSWORD);
        String symbol = "WEB" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        open("/imports");

        page.locator("#import-file")
                .setInputFiles(new FilePayload("acme.csv", "text/csv", FILE.getBytes(StandardCharsets.UTF_8)));
        Locator preview = page.locator("[data-preview]");
        assertThat(preview).isVisible();
        assertThat(page.getByLabel("Symbol", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("ACME.IMP");
        page.getByLabel("Symbol", new Page.GetByLabelOptions().setExact(true)).fill(symbol);
        assertThat(preview.locator("[data-stat='rows']")).hasText("4");
        assertThat(preview.locator("[data-stat='valid']")).hasText("3");
        assertThat(preview.locator("[data-stat='invalid']")).hasText("1");
        Locator errors = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Rows with errors"));
        assertThat(errors.locator("tbody tr")).hasCount(1);
        assertThat(errors.locator("tbody tr td").nth(0)).hasText("4");
        assertThat(errors.locator("tbody tr")).containsText("'high' is not a number: 'oops'");
        assertThat(errors.locator("tbody tr")).containsText("2024-01-04,103,oops,97,98,1500");
        Locator bars = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Bars as parsed"));
        assertThat(bars.locator("tbody tr")).hasCount(3);
        assertThat(bars.locator("tbody tr").nth(2)).containsText("2024-01-05");
        assertAccessible();
        page.setViewportSize(1280, 1300);
        screenshot("imports-preview");
        page.setViewportSize(390, 1700);
        screenshot("imports-preview-narrow");
        page.setViewportSize(1280, 800);

        Locator importButton = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 3 bars"));
        assertThat(importButton).isDisabled();
        page.getByLabel("Leave out the 1 bad row and import the 3 good ones").check();
        importButton.click();
        assertThat(page.locator("[data-imported]")).containsText("Imported 3 bars of " + symbol);
        assertThat(page.locator("[data-imported]")).containsText("1 bad row left out");

        JsonNode stored = http.get("/api/v1/bars/" + symbol + "?interval=1d&from=2024-01-01&to=2024-01-31")
                .json();
        assertThat(stored.get("bars"))
                .extracting(b -> b.get("close").asDouble())
                .containsExactly(101.0, 103.0, 96.0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open " + symbol))
                .click();
        page.waitForURL("**/markets/" + symbol);
    }

    @Test
    void aFileThatIsNotTextIsRefusedWithTheServersMessage() {
        String analyst = unique("import-binary");
        accounts.createAccount(analyst, null, PASSWORD, Set.of(Role.ANALYST), false);
        signInAs(analyst, PASSWORD);
        expectRefusal(400, "POST /api/v1/imports/preview");
        open("/imports");

        page.locator("#import-file")
                .setInputFiles(
                        new FilePayload("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}));

        assertThat(page.locator("[data-preview-error]")).containsText("not a text file");
        assertThat(page.locator("[data-preview]")).hasCount(0);
    }

    @Test
    void anOrdinaryUserIsToldImportsAreForAnalysts() {
        signInAsNewUser(unique("import-user"));
        open("/imports");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("analysts")))
                .isVisible();
        assertThat(page.locator("#import-file")).hasCount(0);
    }
}
