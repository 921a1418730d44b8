package dev.sextant.platform.internal;

import dev.sextant.platform.SecretSetting;
import dev.sextant.platform.SecretSettingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start while any secret a module declares is missing,
 * a well-known default or weak, and names each setting to fix. Outside {@code prod} it does nothing,
 * so a fresh machine starts on embedded defaults without configuration.
 */
@Component
class ProductionSecretsGuard {

    static final String PROD_PROFILE = "prod";

    // Values that ship in tutorials, compose files and default installs; an attacker tries these first.
    private static final Set<String> WELL_KNOWN = Set.of(
            "password",
            "passw0rd",
            "changeme",
            "change-me",
            "secret",
            "admin",
            "root",
            "postgres",
            "sextant",
            "default",
            "test",
            "example",
            "letmein",
            "123456",
            "12345678",
            "qwerty",
            "sa",
            "guest",
            "changeit");
    private static final int MIN_DISTINCT_CHARACTERS = 8;

    ProductionSecretsGuard(Environment environment, List<SecretSettingSource> sources) {
        if (!environment.acceptsProfiles(Profiles.of(PROD_PROFILE))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (SecretSettingSource source : sources) {
            for (SecretSetting setting : source.secretSettings()) {
                if (setting.required()) {
                    weakness(setting).ifPresent(problems::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }

    static Optional<String> weakness(SecretSetting setting) {
        String value = setting.value();
        String name = setting.envVar();
        if (value == null || value.isBlank()) {
            return Optional.of(name + " is missing");
        }
        if (WELL_KNOWN.contains(value.toLowerCase(Locale.ROOT))) {
            return Optional.of(name + " is a well-known default value");
        }
        if (value.length() < setting.minLength()) {
            return Optional.of(name + " is too short: use at least " + setting.minLength() + " characters");
        }
        if (value.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of(name + " is too repetitive: use a random value");
        }
        return Optional.empty();
    }
}
