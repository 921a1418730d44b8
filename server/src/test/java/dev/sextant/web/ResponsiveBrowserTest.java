package dev.sextant.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.sextant.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app on a 390 px phone (issue 15): nothing wider than the screen, the menu button opens the
 * navigation over the page and Escape closes it, focus moves through what is visible in reading
 * order with a visible ring; and the first paint already has the system's theme.
 */
class ResponsiveBrowserTest extends BrowserTest {

    static final int PHONE_WIDTH = 390;

    /**
     * Presses Tab through the page and answers where focus went, each step as the element's
     * accessible name (or tag), checking on the way that every focused element is on screen, drawn
     * with a focus ring, and after the one before it in the document.
     */
    private static final String TAB_STEP = """
            previous => {
              const el = document.activeElement;
              if (!el || el === document.body) return { name: null };
              const box = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent
                  || el.textContent.trim() || el.getAttribute('placeholder') || el.tagName;
              const after = !window.__lastFocus || window.__lastFocus === el
                  || !!(window.__lastFocus.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
              window.__lastFocus = el;
              return {
                name: name.trim().replace(/\\s+/g, ' '),
                onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth + 1,
                ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                    || style.boxShadow !== 'none',
                after,
              };
            }""";

    @BeforeEach
    void phone() {
        page.setViewportSize(PHONE_WIDTH, 844);
    }

    @Test
    void theSignInPageFitsAPhoneAndTabsInReadingOrder() {
        open("/sign-in");
        page.waitForSelector("form[aria-label='Sign in']");
        assertNoHorizontalOverflow();
        List<String> order = tabThrough(8);
        assertThat(order).as("focus order on the sign-in page").contains("Username", "Password", "Sign in");
        assertThat(order.indexOf("Username")).isLessThan(order.indexOf("Password"));
        assertThat(order.indexOf("Password")).isLessThan(order.indexOf("Sign in"));
        assertAccessible();
        screenshot("phone-sign-in");
    }

    @Test
    void theMenuButtonOpensTheNavigationOverThePageAndEscapeClosesIt() {
        signInAsNewUser(unique("phone"));
        open("/markets");
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        Locator menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .isVisible();
        assertThat(menu).isVisible();
        assertThat(nav).isHidden();
        assertNoHorizontalOverflow();
        screenshot("phone-markets");

        List<String> order = tabThrough(4);
        assertThat(order.subList(0, 3))
                .as("the first stops of focus on a phone")
                .containsExactly("Skip to content", "Menu", "Search symbols");

        menu.click();
        assertThat(nav).isVisible();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        Locator watchlists = nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Watchlists"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Markets")))
                .isFocused();
        assertNoHorizontalOverflow();
        Map<?, ?> box = (Map<?, ?>)
                page.evaluate("() => { const r = document.getElementById('main-nav').getBoundingClientRect();"
                        + " return { left: r.left, width: r.width }; }");
        assertThat(((Number) box.get("left")).doubleValue()).isZero();
        assertThat(((Number) box.get("width")).doubleValue()).isEqualTo(PHONE_WIDTH);
        screenshot("phone-menu");

        page.keyboard().press("Escape");
        assertThat(nav).isHidden();
        assertThat(menu).isFocused();
        assertThat(menu).hasAttribute("aria-expanded", "false");

        menu.click();
        watchlists.click();
        page.waitForURL("**/watchlists");
        assertThat(nav).isHidden();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Watchlists").setLevel(1)))
                .isVisible();
        assertNoHorizontalOverflow();
        assertAccessible();
    }

    @Test
    void onADesktopTheNavigationStandsAndThereIsNoMenuButton() {
        page.setViewportSize(1280, 800);
        signInAsNewUser(unique("desktop"));
        open("/markets");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")))
                .isHidden();
        assertThat(page.locator(".brand")).isVisible();
        screenshot("desktop-markets");
    }

    @Test
    void beforeAnyScriptRunsThePageAlreadyHasTheSystemsDarkTheme() {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        open("/sign-in");
        page.waitForFunction("() => document.documentElement.dataset.theme === 'dark'");
        // Every token of the dark theme, as set by the script, and as the first paint has it
        // (no data-theme yet): the two must be the same, value for value.
        @SuppressWarnings("unchecked")
        Map<String, Object> compared = (Map<String, Object>) page.evaluate("""
                () => {
                  const names = new Set();
                  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
                    if (rule.selectorText === ':root[data-theme="dark"]') for (const p of rule.style) names.add(p);
                  }
                  const read = () => Object.fromEntries([...names].map(n => [n, getComputedStyle(document.documentElement).getPropertyValue(n).trim()]));
                  const scripted = read();
                  delete document.documentElement.dataset.theme;
                  const firstPaint = read();
                  const background = getComputedStyle(document.body).backgroundColor;
                  document.documentElement.dataset.theme = 'dark';
                  return { names: names.size, scripted, firstPaint, background };
                }""");
        assertThat(((Number) compared.get("names")).intValue())
                .as("tokens of the dark theme")
                .isGreaterThan(20);
        assertThat(compared.get("firstPaint")).isEqualTo(compared.get("scripted"));
        assertThat(compared.get("background")).isEqualTo("rgb(13, 17, 23)");
    }

    private void assertNoHorizontalOverflow() {
        Map<?, ?> widths = (Map<?, ?>) page.evaluate(
                "() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth,"
                        + " widest: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1"
                        + " && getComputedStyle(e).position !== 'fixed' && e.closest('.visually-hidden') === null)"
                        + ".slice(0, 3).map(e => e.tagName + '.' + e.className) })");
        assertThat(((Number) widths.get("document")).intValue())
                .as("page width at %d px (too wide: %s)", PHONE_WIDTH, widths.get("widest"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(((Number) widths.get("body")).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** Tabs {@code steps} times from the top of the page; answers the names focus visited. */
    private List<String> tabThrough(int steps) {
        // Focus starts from a marker at the very top of the page (not itself a tab stop).
        page.evaluate("() => { const start = document.createElement('span'); start.id = 'tab-start';"
                + " start.tabIndex = -1; document.body.prepend(start); start.focus(); window.__lastFocus = null; }");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            page.keyboard().press("Tab");
            if (i == 0) {
                page.evaluate("() => document.getElementById('tab-start').remove()");
            }
            Map<?, ?> step = (Map<?, ?>) page.evaluate(TAB_STEP, null);
            Object name = step.get("name");
            if (name == null) {
                break;
            }
            assertThat(step.get("onScreen"))
                    .as(name + " is on screen when focused")
                    .isEqualTo(true);
            assertThat(step.get("ring")).as(name + " shows a focus ring").isEqualTo(true);
            assertThat(step.get("after"))
                    .as(name + " comes after the previous stop in the document")
                    .isEqualTo(true);
            names.add(name.toString());
        }
        return names;
    }
}
