package dev.sextant.identity.internal;

import dev.sextant.platform.SecretSetting;
import dev.sextant.platform.SecretSettingSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Under prod the token signing key must come from configuration, long and random. */
@Component
class IdentitySecrets implements SecretSettingSource {

    private final IdentityProperties properties;

    IdentitySecrets(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<SecretSetting> secretSettings() {
        return List.of(new SecretSetting(
                "SEXTANT_IDENTITY_JWT_SECRET", properties.jwtSecret(), true, SigningKey.MIN_SECRET_LENGTH));
    }
}
