package dev.sextant.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Fixes the server's clock so that time-dependent answers (quotes, the last bar) are exact. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

    /** Wednesday 2025-06-11, 11:00 in New York: 90 minutes into the US session. */
    public static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
