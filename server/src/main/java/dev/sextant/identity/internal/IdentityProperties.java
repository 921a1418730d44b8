package dev.sextant.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code SEXTANT_IDENTITY_*}).
 *
 * @param jwtSecret HMAC key for access tokens, at least 32 characters; blank on embedded defaults
 *     means a random key kept in {@code jwt-signing.key} in the data directory. Required under prod.
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (each use replaces it with a fresh one)
 * @param lockout when failed logins start to slow down an account or a client address
 */
@Validated
@ConfigurationProperties("sextant.identity")
record IdentityProperties(
        @DefaultValue("") String jwtSecret,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("30d") Duration refreshTokenTtl,
        @Valid @NotNull @DefaultValue Lockout lockout) {

    /**
     * @param freeFailuresPerAccount failed logins on one username before each further one doubles the wait
     * @param freeFailuresPerAddress the same for one client address (higher: several users may share one)
     */
    record Lockout(
            @Min(1) @DefaultValue("5") int freeFailuresPerAccount,
            @Min(1) @DefaultValue("20") int freeFailuresPerAddress) {}

    @Override
    public String toString() {
        return "IdentityProperties[jwtSecret=****, accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + "]";
    }
}
