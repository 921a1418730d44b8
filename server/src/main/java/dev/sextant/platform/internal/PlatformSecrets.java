package dev.sextant.platform.internal;

import dev.sextant.platform.SecretSetting;
import dev.sextant.platform.SecretSettingSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** The platform's own secrets: the external database's password, needed once one is configured. */
@Component
class PlatformSecrets implements SecretSettingSource {

    private static final int MIN_PASSWORD_LENGTH = 16;

    private final PlatformProperties properties;

    PlatformSecrets(PlatformProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<SecretSetting> secretSettings() {
        PlatformProperties.Db db = properties.db();
        return List.of(new SecretSetting("SEXTANT_DB_PASSWORD", db.password(), !db.isEmbedded(), MIN_PASSWORD_LENGTH));
    }
}
