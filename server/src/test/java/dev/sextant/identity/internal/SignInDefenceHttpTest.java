package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Brute force and account enumeration against the sign-in endpoint. */
class SignInDefenceHttpTest extends ServerHttpTest {

    @Autowired
    JdbcClient jdbc;

    private Answer login(String username, String password) {
        return anonymous.postJson(
                "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void test_bruteForce_backsOffEvenTheRightPassword() {
        String username = unique("target");
        String id = accounts.createAccount(username, null, PASSWORD, Set.of(Role.USER), false)
                .toString();

        for (int i = 0; i < 6; i++) {
            assertThat(login(username, "guess-number-" + i).status()).isEqualTo(401);
        }
        Answer blocked = login(username, PASSWORD);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:sextant:problem:login-throttled");
        // Five free failures; the sixth costs the first delay, one second, and the fixed clock stands still.
        assertThat(blocked.header("Retry-After")).isEqualTo("1");
        assertThat(blocked.json().get("retryAfter").asLong()).isEqualTo(1);
        assertThat(blocked.json().get("detail").asString())
                .isEqualTo("Too many failed logins. Try again in 1 seconds.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_THROTTLED' AND subject = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("the lockout is audited")
                .isEqualTo(1);
    }

    @Test
    void test_unknownAndKnownAccounts_failAlike() {
        String known = unique("known");
        accounts.createAccount(known, null, PASSWORD, Set.of(Role.USER), false);
        String unknown = unique("nobody");

        Answer wrongPassword = login(known, "Wrong-Passphrase-1");
        Answer noAccount = login(unknown, "Wrong-Passphrase-1");

        assertThat(noAccount.status()).isEqualTo(wrongPassword.status()).isEqualTo(401);
        assertThat(noAccount.json().get("detail"))
                .isEqualTo(wrongPassword.json().get("detail"));
        assertThat(noAccount.json().get("type")).isEqualTo(wrongPassword.json().get("type"));
    }

    @Test
    void test_unknownAccounts_areThrottledLikeKnownOnes() {
        String unknown = unique("ghost");
        for (int i = 0; i < 6; i++) {
            login(unknown, "guess-number-" + i);
        }

        Answer blocked = login(unknown, "guess-number-7");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:sextant:problem:login-throttled");
        assertThat(blocked.header("Retry-After"))
                .as("the same back-off as a real account's")
                .isEqualTo("1");
    }

    @Test
    void test_unknownAccounts_takeAsLongAsWrongPasswords() {
        String known = unique("timed");
        accounts.createAccount(known, null, PASSWORD, Set.of(Role.USER), false);
        // Warm both paths, then compare medians: argon2 dominates either way when the decoy hash runs.
        login(known, "Warm-Up-Passphrase-1");
        login(unique("warm"), "Warm-Up-Passphrase-1");

        long[] knownTimes = new long[4];
        long[] unknownTimes = new long[4];
        for (int i = 0; i < 4; i++) {
            String other = unique("timing");
            long start = System.nanoTime();
            login(other, "Wrong-Passphrase-" + i);
            unknownTimes[i] = System.nanoTime() - start;
            start = System.nanoTime();
            login(known, "Wrong-Passphrase-" + i);
            knownTimes[i] = System.nanoTime() - start;
        }
        Arrays.sort(knownTimes);
        Arrays.sort(unknownTimes);
        double ratio = (double) unknownTimes[2] / knownTimes[2];

        assertThat(ratio).as("median time of unknown / known account").isBetween(0.6, 1.6);
    }
}
