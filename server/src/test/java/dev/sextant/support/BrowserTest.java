package dev.sextant.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * Base of tests that use the web app in a real browser: Debian's Chromium ({@code /usr/bin/chromium},
 * installed by {@code .ci/run}) driven headless by Playwright, which downloads no browser, against
 * the shared test server. Each test gets a fresh browser context ({@link #page}); any console
 * error (a content-security-policy violation is one), uncaught exception, failed request or
 * answer of 500 or more fails it, and so does a refusal (4xx) the test did not {@linkplain
 * #expectRefusal expect}. {@link #screenshot} saves the page in both themes under {@code
 * target/screenshots/}; {@link #assertAccessible} runs axe-core in the page.
 */
public abstract class BrowserTest extends ServerHttpTest {

    /** One browser for the whole JVM: starting Chromium costs a second; contexts are what isolate tests. */
    private static final class Shared {
        static final Playwright PLAYWRIGHT = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        static final Browser BROWSER = PLAYWRIGHT
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("sextant.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                BROWSER.close();
                PLAYWRIGHT.close();
            }));
        }
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    protected BrowserContext context;
    protected Page page;

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Predicate<String>> expectedRefusals = new CopyOnWriteArrayList<>();
    private String testName;

    @BeforeEach
    void openBrowser(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        context = Shared.BROWSER.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setViewportSize(1280, 800)
                .setColorScheme(ColorScheme.LIGHT)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        watch(page);
    }

    @AfterEach
    void closeBrowser() {
        try {
            assertThat(problems)
                    .as("console errors, failed requests and unexpected refusals in the page")
                    .isEmpty();
        } finally {
            context.close();
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Watches a page (the first is watched already; call this for any other the test opens). */
    protected void watch(Page watched) {
        watched.onConsoleMessage(message -> {
            // A 4xx or 5xx also logs "Failed to load resource"; the response check below judges those.
            if ("error".equals(message.type())
                    && !message.text().startsWith("Failed to load resource: the server responded")) {
                problems.add("console error: " + message.text() + " at " + message.location());
            }
        });
        watched.onPageError(error -> problems.add("uncaught: " + error));
        watched.onRequestFailed(request -> {
            String failure = request.failure();
            // The app cancels a request it no longer needs (a search overtaken by more typing).
            if (failure != null && failure.contains("ERR_ABORTED")) {
                return;
            }
            problems.add("request failed: " + request.method() + " " + request.url() + " " + failure);
        });
        watched.onResponse(response -> {
            int status = response.status();
            String where = response.request().method() + " " + response.url().replace(baseUrl(), "");
            if (status >= 500) {
                problems.add("server error: " + status + " for " + where);
            } else if (status >= 400 && expectedRefusals.stream().noneMatch(p -> p.test(status + " " + where))) {
                problems.add("unexpected refusal: " + status + " for " + where);
            }
        });
    }

    /**
     * Lets the page meet this refusal without failing the test: {@code status} for a request whose
     * method and path start with {@code methodAndPath}, e.g. {@code expectRefusal(400, "POST /api/v1/query")}.
     */
    protected void expectRefusal(int status, String methodAndPath) {
        expectedRefusals.add(line -> line.startsWith(status + " " + methodAndPath));
    }

    /** Signs in over the API and hands the session to the browser, as the sign-in page would. */
    protected void signInAs(String username, String password) {
        JsonNode tokens = anonymous.login(username, password);
        giveSession(tokens);
    }

    /** A new ordinary account with {@link #PASSWORD}, signed in in the browser. */
    protected void signInAsNewUser(String username) {
        accounts.createAccount(username, null, PASSWORD, java.util.Set.of(dev.sextant.platform.Role.USER), false);
        signInAs(username, PASSWORD);
    }

    /**
     * A new administrator with {@link #PASSWORD} and a second factor, signed in in the browser
     * (both steps done over the API); answers the TOTP secret.
     */
    protected String signInAsNewAdmin(String username) {
        accounts.createAccount(username, null, PASSWORD, java.util.Set.of(dev.sextant.platform.Role.ADMIN), false);
        HttpTestClient client = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
        String secret = enableSecondFactor(client);
        String mfaToken = anonymous.login(username, PASSWORD).get("mfaToken").asString();
        HttpTestClient.Answer tokens = anonymous.postJson(
                "/api/v1/auth/login/mfa",
                "{\"mfaToken\":\"" + mfaToken + "\",\"code\":\"" + TotpCodes.at(secret, 0) + "\"}");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        giveSession(tokens.json());
        return secret;
    }

    /** Stores a token response as the app's session in this browser context (before any page loads). */
    protected void giveSession(JsonNode tokens) {
        String session = "{\"accessToken\":\"" + tokens.get("accessToken").asString() + "\",\"refreshToken\":\""
                + tokens.get("refreshToken").asString() + "\",\"expiresAt\":"
                + (System.currentTimeMillis() + tokens.get("expiresIn").asLong() * 1000)
                + ",\"passwordChangeRequired\":"
                + tokens.get("passwordChangeRequired").asBoolean() + "}";
        // Only once per context: a later navigation must keep whatever pair the app refreshed to.
        context.addInitScript("if (!sessionStorage.getItem('test.session-given')) {"
                + " sessionStorage.setItem('test.session-given', '1');"
                + " localStorage.setItem('sextant.session', " + quoted(session) + "); }");
    }

    /** Opens an app path and waits until the app has drawn it. */
    protected void open(String path) {
        page.navigate(path);
        page.waitForSelector("#app:not(.boot)");
    }

    /**
     * Saves the page as {@code target/screenshots/<name>-light.png} and {@code -dark.png}: the app
     * follows the system theme until the user picks one, so switching the emulated scheme switches it.
     */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The shell scrolls inside <main>, so a full-page capture would stop at the window's
        // height: the window grows to the content for the picture, then shrinks back.
        var viewport = page.viewportSize();
        int content = ((Number) page.evaluate("() => { const m = document.querySelector('main.main');"
                        + " const inner = m ? m.getBoundingClientRect().top + m.scrollHeight : 0;"
                        + " return Math.ceil(Math.max(document.documentElement.scrollHeight, inner)); }"))
                .intValue();
        boolean grown = viewport != null && content > viewport.height;
        if (grown) {
            page.setViewportSize(viewport.width, Math.min(content, 8000));
            page.waitForTimeout(200); // charts follow their box's new size
        }
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            page.waitForFunction(
                    "want => document.documentElement.dataset.theme === want",
                    scheme.name().toLowerCase());
            page.waitForTimeout(150); // let transitions and canvas redraws settle
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + "-" + scheme.name().toLowerCase() + ".png"))
                    .setFullPage(true));
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        if (grown) {
            page.setViewportSize(viewport.width, viewport.height);
        }
    }

    /** axe-core in the page finds no serious or critical violation (WCAG 2.1 A and AA rules). */
    protected void assertAccessible() {
        page.evaluate(AXE_SOURCE.get());
        Object result = page.evaluate(
                "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', "
                        + "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });"
                        + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')); }");
        assertThat((List<?>) result).as("axe-core violations in " + testName).isEmpty();
    }

    /** The messages collected so far (for a test that checks one is there, e.g. a toast). */
    protected List<String> problemsSoFar() {
        return new ArrayList<>(problems);
    }

    private static final java.util.function.Supplier<String> AXE_SOURCE = new java.util.function.Supplier<>() {
        private volatile String source;

        @Override
        public String get() {
            if (source == null) {
                try (InputStream in = BrowserTest.class.getResourceAsStream("/web-test/axe.min.js")) {
                    source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return source;
        }
    };

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
