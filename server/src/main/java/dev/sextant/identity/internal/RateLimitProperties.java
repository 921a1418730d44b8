package dev.sextant.identity.internal;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets per minute, by route class ({@code SEXTANT_RATELIMIT_*}). Sign-in routes are
 * counted per client address; everything else per account, whether
 * it calls with a session or with any of its API keys.
 *
 * @param namespace prefix of the bucket keys in Redis, so several deployments can share one Redis
 */
@Validated
@ConfigurationProperties("sextant.ratelimit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("30") int authPerMinute,
        @Min(1) @DefaultValue("600") int marketDataPerMinute,
        @Min(1) @DefaultValue("300") int defaultPerMinute,
        @DefaultValue("sextant") String namespace) {}
