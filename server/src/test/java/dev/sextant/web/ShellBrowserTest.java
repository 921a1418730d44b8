package dev.sextant.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** The shell in a real browser: sign-in, navigation, the palette, themes, a phone's width. */
class ShellBrowserTest extends BrowserTest {

    @Test
    void aBrowserAtTheRootIsSentToSignInAndTheShellLoadsUnderTheStrictPolicy() {
        open("/");
        page.waitForSelector("form[aria-label='Sign in']");
        assertThat(page.url()).endsWith("/sign-in");
        assertAccessible();
        screenshot("sign-in");
    }

    @Test
    void aSignedInUserSeesTheShellAndMovesWithThePalette() {
        signInAsNewUser(unique("shell"));
        open("/markets");
        page.waitForSelector("nav[aria-label='Main']");
        page.keyboard().press("Control+k");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.COMBOBOX,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Command"))
                .fill("query");
        page.keyboard().press("Enter");
        page.waitForURL("**/query");
        assertAccessible();
        screenshot("shell");
    }
}
