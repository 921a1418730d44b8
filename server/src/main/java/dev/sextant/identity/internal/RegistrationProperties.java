package dev.sextant.identity.internal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may create an account ({@code SEXTANT_REGISTRATION}).
 *
 * @param registration {@code open}: anyone may register; {@code invite} (default): administrators
 *     create accounts; {@code closed}: no new accounts at all, not even by administrators
 */
@Validated
@ConfigurationProperties("sextant")
record RegistrationProperties(
        @NotNull @DefaultValue("invite") RegistrationMode registration) {

    enum RegistrationMode {
        OPEN,
        INVITE,
        CLOSED
    }
}
