package dev.sextant.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.sextant.support.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The strict content security policy holds for every page of the app in a real browser: each
 * route's page answers it, renders under it without one violation (any would be a console error,
 * which fails the test), and a script or style smuggled into the page does not run.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    private static final Pattern ROUTE = Pattern.compile("path: '(/[^']*)'");

    /** Every route in the app's route table, its parameters filled in. */
    static List<String> appRoutes() throws IOException {
        String table = Files.readString(Path.of("src/main/resources/web/app/routes.js"));
        List<String> paths = new ArrayList<>();
        Matcher route = ROUTE.matcher(table);
        while (route.find()) {
            paths.add(route.group(1)
                    .replace(":symbol", "AAPL")
                    .replace(":section", "audit")
                    .replaceAll(":[a-z]+", "x"));
        }
        return paths;
    }

    @Test
    void everyRouteAnswersTheStrictPolicyAndRendersUnderIt() throws IOException {
        signInAsNewAdmin(unique("policy"));
        List<String> routes = appRoutes();
        assertThat(routes)
                .contains("/sign-in", "/markets", "/markets/AAPL", "/admin/audit")
                .hasSizeGreaterThan(8);
        for (String path : routes) {
            Response answer = page.navigate(path);
            String policy = answer.headerValue("content-security-policy");
            assertThat(policy)
                    .as("the policy of " + path)
                    .isNotNull()
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                    .containsPattern("script-src 'self' 'sha256-[A-Za-z0-9+/]+=*';")
                    // styles: the app's own files and the chart library's one fixed attribution sheet
                    .containsPattern("style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
            page.waitForFunction("() => performance.getEntriesByName('sextant:interactive', 'mark').length > 0");
        }
    }

    @Test
    void aScriptOrStyleSmuggledIntoThePageDoesNotRun() {
        // A page of its own, watched here rather than by the base class: its violations are the point.
        Page probe = context.newPage();
        List<String> errors = new CopyOnWriteArrayList<>();
        probe.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        probe.navigate("/sign-in");
        probe.waitForFunction("() => performance.getEntriesByName('sextant:interactive', 'mark').length > 0");
        Object outcome = probe.evaluate("""
                async () => {
                  const violations = [];
                  document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective));
                  const script = document.createElement('script');
                  script.textContent = 'window.inlineRan = true;';
                  document.head.appendChild(script);
                  // Code evaluated from here runs as DevTools' and may eval; a timer given a
                  // string is compiled by the page itself, under the page's policy.
                  setTimeout('window.timerRan = true;', 0);
                  const button = document.createElement('button');
                  button.setAttribute('onclick', 'window.handlerRan = true;');
                  document.body.appendChild(button);
                  button.click();
                  const styled = document.createElement('div');
                  styled.setAttribute('style', 'width: 123px');
                  document.body.appendChild(styled);
                  const sheet = document.createElement('style');
                  sheet.textContent = 'body { margin-left: 77px; }';
                  document.head.appendChild(sheet);
                  await new Promise(r => setTimeout(r, 150));
                  return {
                    inlineRan: window.inlineRan === true, timerRan: window.timerRan === true,
                    handlerRan: window.handlerRan === true,
                    styledWidth: styled.getBoundingClientRect().width,
                    bodyMargin: getComputedStyle(document.body).marginLeft,
                    violations: [...new Set(violations)].sort(),
                  };
                }""");
        assertThat(outcome)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("inlineRan", false)
                .containsEntry("timerRan", false)
                .containsEntry("handlerRan", false)
                .containsEntry("bodyMargin", "0px")
                .hasEntrySatisfying(
                        "styledWidth",
                        width -> assertThat(((Number) width).doubleValue()).isNotEqualTo(123.0));
        assertThat(errors)
                .as("the browser reports each refusal")
                .anyMatch(e -> e.contains("Content Security Policy") && e.contains("script"))
                .anyMatch(e -> e.contains("Content Security Policy") && e.contains("style"))
                .anyMatch(e -> e.contains("Content Security Policy") && e.contains("unsafe-eval"));
        probe.close();
    }
}
