package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.TotpCodes;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sign-in failures and rate-limit refusals as an operator sees them on {@code /metrics}: each
 * refusal moves its counter, by reason or limiter, and no series names who was refused. A server
 * of its own, with budgets small enough to exhaust.
 */
class OperatorMetricsHttpTest {

    private static final String PASSWORD = "Metered-Passphrase-Of-9";

    @Test
    void test_signInFailuresAndRateLimitRefusals_moveTheirCounters() {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "server.port=0",
                        "sextant.data-dir=target/test-data/metrics-" + UUID.randomUUID(),
                        "sextant.identity.lockout.free-failures-per-account=1",
                        "sextant.ratelimit.auth-per-minute=25",
                        "sextant.ratelimit.market-data-per-minute=2",
                        // One query's compute time empties the budget: the next one is refused.
                        "sextant.query.caller-compute-time=1ms")
                .run()) {
            HttpTestClient anonymous = new HttpTestClient(
                    ((WebServerApplicationContext) server).getWebServer().getPort());
            AccountAdministration accounts = server.getBean(AccountAdministration.class);
            accounts.createAccount("operator", null, PASSWORD, Set.of(Role.ADMIN), false);
            accounts.createAccount("victim", null, PASSWORD, Set.of(Role.USER), false);
            HttpTestClient admin = anonymous.withBearer(
                    anonymous.login("operator", PASSWORD).get("accessToken").asString());
            String secret = admin.send(admin.request("/api/v1/me/2fa/setup")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build())
                    .json()
                    .get("secret")
                    .asString();
            assertThat(admin.postJson("/api/v1/me/2fa/enable", "{\"code\":\"" + currentCode(secret) + "\"}")
                            .status())
                    .isEqualTo(200);
            String before = metrics(admin);

            String typedIntoTheUsernameField = "hunter2-" + UUID.randomUUID();
            assertThat(login(anonymous, typedIntoTheUsernameField, "whatever").status())
                    .isEqualTo(401);
            String mfaToken =
                    anonymous.login("operator", PASSWORD).get("mfaToken").asString();
            assertThat(anonymous
                            .postJson(
                                    "/api/v1/auth/login/mfa",
                                    "{\"mfaToken\":\"" + mfaToken + "\",\"code\":\"not-a-code\"}")
                            .status())
                    .isEqualTo(401);
            assertThat(anonymous
                            .postJson("/api/v1/auth/login/mfa", "{\"mfaToken\":\"forged\",\"code\":\"123456\"}")
                            .status())
                    .isEqualTo(401);
            // One free failure, then each one blocks the account for a while: the next attempt is refused unchecked.
            Answer locked =
                    until(() -> login(anonymous, "victim", "wrong-" + UUID.randomUUID()), a -> a.status() == 429);
            assertThat(locked.body()).contains("login-throttled");
            for (int i = 0; i < 3; i++) {
                admin.get("/api/v1/quotes/AAPL");
            }
            Answer overBudget = until(
                    () -> anonymous.postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"sx_rt_nope\"}"),
                    a -> a.body().contains("too-many-requests"));
            assertThat(overBudget.status()).isEqualTo(429);

            Answer computed = admin.query("EVALUATE AAPL: RSI(14)");
            Answer refusedQuery = admin.query("EVALUATE AAPL: RSI(14)");
            assertThat(computed.status()).as(computed.body()).isEqualTo(200);
            assertThat(refusedQuery.status()).as(refusedQuery.body()).isEqualTo(429);

            String after = metrics(admin);

            assertThat(moved(before, after, "sextant_signin_failures_total", "reason=\"bad-credentials\""))
                    .as("unknown user, then the victim's wrong passwords")
                    .isGreaterThanOrEqualTo(3);
            assertThat(moved(before, after, "sextant_signin_failures_total", "reason=\"two-factor-failed\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "sextant_signin_failures_total", "reason=\"ticket-invalid\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "sextant_signin_failures_total", "reason=\"locked\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "sextant_signin_failures_total", "reason=\"refresh-token-invalid\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(moved(
                            before,
                            after,
                            "sextant_ratelimit_refusals_total",
                            "limiter=\"login-throttle\",route=\"auth\""))
                    .isEqualTo(1);
            assertThat(moved(
                            before,
                            after,
                            "sextant_ratelimit_refusals_total",
                            "limiter=\"account\",route=\"market-data\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "sextant_ratelimit_refusals_total", "limiter=\"anonymous\",route=\"auth\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "sextant_query_refused_total", "reason=\"budget\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "sextant_query_refused_total", "reason=\"concurrency\""))
                    .isZero();
            assertThat(unlabelled(after, "sextant_query_compute_seconds_count")
                            - unlabelled(before, "sextant_query_compute_seconds_count"))
                    .as("one statement computed")
                    .isEqualTo(1);
            assertThat(after)
                    .as("no series names who was refused")
                    .doesNotContain(typedIntoTheUsernameField, "victim", "operator");
        }
    }

    /** The value of a series that may carry no labels at all. */
    private static double unlabelled(String scrape, String name) {
        Matcher series =
                Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(scrape);
        if (!series.find()) {
            throw new AssertionError("no series " + name + " in the scrape");
        }
        return Double.parseDouble(series.group(1));
    }

    private static Answer login(HttpTestClient client, String username, String password) {
        return client.postJson(
                "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static Answer until(java.util.function.Supplier<Answer> request, Predicate<Answer> done) {
        for (int attempt = 0; attempt < 30; attempt++) {
            Answer answer = request.get();
            if (done.test(answer)) {
                return answer;
            }
        }
        throw new AssertionError("never refused");
    }

    private static String currentCode(String secret) {
        return TotpCodes.code(secret, TotpCodes.stepOf(Instant.now()));
    }

    private static String metrics(HttpTestClient admin) {
        Answer metrics = admin.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body();
    }

    /** How far the series of {@code name} whose labels contain {@code labels} moved between two scrapes. */
    private static double moved(String before, String after, String name, String labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private static double value(String scrape, String name, String labels) {
        Matcher series = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (series.find()) {
            if (series.group(1).contains(labels)) {
                return Double.parseDouble(series.group(2));
            }
        }
        throw new AssertionError("no series " + name + "{" + labels + "} in the scrape");
    }
}
