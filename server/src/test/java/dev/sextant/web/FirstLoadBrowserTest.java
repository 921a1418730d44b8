package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * First load to interactive (issue 15: under a second on loopback): a browser context with an
 * empty cache opens a page, and the time from navigation start to the mark the app sets once the
 * first page has rendered ({@code sextant:interactive}, set by the shell's PageView) is measured.
 * Three cold loads each; the fastest must be under a second (see {@link #assertFast}). The figures are printed and recorded
 * in docs/BENCHMARKS.md.
 */
class FirstLoadBrowserTest extends BrowserTest {

    static final double BUDGET_MS = 1000;
    private static final int LOADS = 3;

    private static final String TIMINGS = """
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const mark = performance.getEntriesByName('sextant:interactive', 'mark')[0];
              const resources = performance.getEntriesByType('resource');
              return {
                interactive: mark.startTime,
                responseEnd: nav.responseEnd,
                domContentLoaded: nav.domContentLoadedEventEnd,
                requests: resources.length,
                pageModuleAt: resources.filter(r => r.name.includes('/app/pages/')).map(r => r.startTime)[0] ?? -1,
                lastResponse: Math.max(...resources.map(r => r.responseEnd)),
                transferred: resources.reduce((sum, r) => sum + r.transferSize, 0) + nav.transferSize,
                // Scripts and sheets that came from the HTTP cache (the page's icon may: the
                // browser fetched it once for the tab and once for the page).
                cached: resources.filter(r => /\\.(m?js|css)$/.test(r.name) && r.transferSize === 0).map(r => r.name),
              };
            }""";

    @Test
    void theSignInPageIsInteractiveWithinASecondOfAColdLoad() {
        List<Map<String, Object>> loads = coldLoads(
                "/sign-in",
                null,
                cold -> assertThat(cold.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")))
                        .isVisible());
        assertFast("/sign-in", loads);
    }

    @Test
    void aSignedInMarketsPageIsInteractiveWithinASecondOfAColdLoad() {
        String username = unique("first-load");
        accounts.createAccount(username, null, PASSWORD, java.util.Set.of(dev.sextant.platform.Role.USER), false);
        List<Map<String, Object>> loads = coldLoads("/markets", username, cold -> {
            assertThat(cold.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                    .isVisible();
            assertThat(cold.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .isVisible();
        });
        assertFast("/markets", loads);
    }

    /**
     * One warm-up load (the shared server's code paths get compiled; its figure is not counted),
     * then {@link #LOADS} loads, each in a new context: no cached asset, no service state.
     */
    private List<Map<String, Object>> coldLoads(
            String path, String signedInAs, java.util.function.Consumer<Page> drawn) {
        List<Map<String, Object>> loads = new ArrayList<>();
        for (int i = 0; i <= LOADS; i++) {
            BrowserContext cold = page.context()
                    .browser()
                    .newContext(new Browser.NewContextOptions()
                            .setBaseURL(baseUrl())
                            .setViewportSize(1280, 800));
            try {
                if (signedInAs != null) {
                    String session = sessionFor(signedInAs);
                    cold.addInitScript("localStorage.setItem('sextant.session', " + session + ");");
                }
                Page fresh = cold.newPage();
                watch(fresh);
                fresh.navigate(path);
                fresh.waitForFunction("() => performance.getEntriesByName('sextant:interactive', 'mark').length > 0");
                drawn.accept(fresh);
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) fresh.evaluate(TIMINGS);
                assertThat((List<?>) timing.get("cached"))
                        .as("a cold context has no script or style sheet cached")
                        .isEmpty();
                if (i > 0) {
                    loads.add(timing);
                }
            } finally {
                cold.close();
            }
        }
        return loads;
    }

    private String sessionFor(String username) {
        tools.jackson.databind.JsonNode tokens = anonymous.login(username, PASSWORD);
        String json = "{\"accessToken\":\"" + tokens.get("accessToken").asString() + "\",\"refreshToken\":\""
                + tokens.get("refreshToken").asString() + "\",\"expiresAt\":"
                + (System.currentTimeMillis() + tokens.get("expiresIn").asLong() * 1000)
                + ",\"passwordChangeRequired\":false}";
        return "'" + json.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Asserts the fastest of the cold loads is under budget: on a shared machine other processes
     * can only add time to a load, so the fastest is the closest to what the app itself costs;
     * every figure, the median and the machine's load are printed so none hides.
     */
    private static void assertFast(String path, List<Map<String, Object>> loads) {
        List<Double> interactive = loads.stream()
                .map(l -> ((Number) l.get("interactive")).doubleValue())
                .sorted()
                .toList();
        double fastest = interactive.get(0);
        double median = interactive.get(interactive.size() / 2);
        Map<String, Object> first = loads.get(0);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        System.out.printf(
                "first load %s: interactive %s ms (fastest %.0f, median %.0f); html at %.0f ms, page module asked at"
                        + " %.0f ms, last response %.0f ms, DOMContentLoaded %.0f ms; %s requests, %.1f KiB transferred;"
                        + " load average %.1f on %d cores%n",
                path,
                interactive.stream().map(ms -> String.format("%.0f", ms)).toList(),
                fastest,
                median,
                number(first, "responseEnd"),
                number(first, "pageModuleAt"),
                number(first, "lastResponse"),
                number(first, "domContentLoaded"),
                first.get("requests"),
                number(first, "transferred") / 1024,
                load,
                Runtime.getRuntime().availableProcessors());
        assertThat(fastest)
                .as(
                        "ms from navigation start to interactive, cold, %s (all: %s, load average %.1f)",
                        path, interactive, load)
                .isLessThan(BUDGET_MS);
    }

    private static double number(Map<String, Object> timing, String name) {
        return ((Number) timing.get(name)).doubleValue();
    }
}
