package dev.sextant.platform;

import dev.sextant.analytics.check.Check;

/**
 * A secret a module needs, as the {@code prod} profile checks it before the server starts.
 *
 * <p>{@code value} is only read by the check and never printed: messages name {@link #envVar()}.
 * {@code required} is false for secrets the current configuration does not use (for instance a
 * database password when the embedded database is selected).
 */
public record SecretSetting(String envVar, String value, boolean required, int minLength) {

    public SecretSetting {
        Check.notBlank(envVar, "envVar");
        Check.positive(minLength, "minLength");
    }

    @Override
    public String toString() {
        return "SecretSetting[" + envVar + ", value=****]";
    }
}
