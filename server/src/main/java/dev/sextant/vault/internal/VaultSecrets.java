package dev.sextant.vault.internal;

import dev.sextant.platform.SecretSetting;
import dev.sextant.platform.SecretSettingSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Under prod the master key must come from configuration, not from a file beside the data. */
@Component
class VaultSecrets implements SecretSettingSource {

    private final VaultProperties properties;

    VaultSecrets(VaultProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<SecretSetting> secretSettings() {
        // 32 random bytes are 44 base64 characters.
        return List.of(new SecretSetting("SEXTANT_MASTER_KEY", properties.masterKey(), true, 44));
    }
}
