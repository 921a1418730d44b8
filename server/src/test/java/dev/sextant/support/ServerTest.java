package dev.sextant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full server on a random port with a fresh embedded database and the clock fixed at
 * {@link FixedClockConfiguration#NOW} (a Wednesday, mid-session in New York). Every test class
 * with this annotation shares one running server, so the suite starts it once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sextant.data-dir=target/test-data/${random.uuid}",
            "logging.level.dev.sextant=debug",
            // Every test signs in from 127.0.0.1; the per-address back-off has its own test.
            "sextant.identity.lockout.free-failures-per-address=100000",
            // The suite is one busy client; budgets have their own tests.
            "sextant.ratelimit.auth-per-minute=1000000",
            "sextant.ratelimit.market-data-per-minute=1000000",
            "sextant.ratelimit.default-per-minute=1000000",
            "sextant.oauth.registrations-per-address-per-hour=1000000",
            "sextant.oauth.registrations-per-hour=1000000",
            "sextant.query.caller-concurrency=1000",
            "sextant.query.caller-compute-time=1h"
        })
@Import(FixedClockConfiguration.class)
public @interface ServerTest {}
