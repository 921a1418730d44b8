package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.DataDirectory;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered for speed, but never past their expiry. */
class AccessTokensTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final IdentityProperties PROPERTIES = new IdentityProperties(
            "k".repeat(16) + "-Z9x!Q2w#E4r%T6y",
            Duration.ofMinutes(15),
            Duration.ofDays(30),
            new IdentityProperties.Lockout(5, 20));

    @Test
    void test_rememberedToken_stillExpires() throws Exception {
        MovableClock clock = new MovableClock();
        AccessTokens tokens =
                new AccessTokens(new SigningKey(PROPERTIES, new DataDirectory(Path.of("target"))), clock, PROPERTIES);
        Account account = new Account(UserId.random(), "clocked", null, "x", Set.of(Role.USER), false, 3, false, 0);
        String token = tokens.issue(account);

        assertThat(tokens.verify(token))
                .hasValueSatisfying(
                        claims -> assertThat(claims.securityVersion()).isEqualTo(3));
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(tokens.verify(token)).as("still valid, from memory").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(tokens.verify(token)).as("expired, though remembered").isEmpty();
        assertThat(tokens.verifyMfaTicket(tokens.issue(account)))
                .as("an access token is no ticket")
                .isEmpty();
    }
}
