package dev.sextant.web;

import dev.sextant.platform.Role;
import dev.sextant.support.BrowserTest;
import dev.sextant.support.FixedClockConfiguration;
import dev.sextant.support.HttpTestClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * Browser tests of live data: the market clock runs from the suite's Wednesday mid-session (demo
 * quotes tick only when time passes, so under the suite's fixed clock nothing would ever change),
 * and alerts are evaluated every 200 ms. Every subclass shares this one server (the same overrides
 * make the same Spring context), a second one beside the suite's fixed-clock server.
 */
@TestPropertySource(properties = {"sextant.alerts.evaluation-interval=200ms", "sextant.alerts.reload-interval=500ms"})
abstract class LiveBrowserTest extends BrowserTest {

    @TestBean(name = "fixedClock", methodName = "runningClock")
    Clock clock;

    static Clock runningClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), FixedClockConfiguration.NOW));
    }

    /** A new ordinary account signed in in the browser; answers a client signed in as it over the API. */
    protected HttpTestClient signInWithApi(String username) {
        accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false);
        JsonNode tokens = anonymous.login(username, PASSWORD);
        giveSession(tokens);
        return anonymous.withBearer(tokens.get("accessToken").asString());
    }

    /** Waits until the page's stream badge says the stream is live. */
    protected void waitForLiveStream() {
        page.waitForSelector("[data-stream='live']");
    }
}
