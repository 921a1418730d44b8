package dev.sextant.identity.internal.oauth;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Budgets of open client registration ({@code SEXTANT_OAUTH_*}): an MCP client registers once per
 * install, so a few an hour per client address is plenty, and the node's ceiling bounds a flood.
 */
@Validated
@ConfigurationProperties("sextant.oauth")
record OAuthProperties(
        @Min(1) @DefaultValue("10") int registrationsPerAddressPerHour,
        @Min(1) @DefaultValue("200") int registrationsPerHour) {}
