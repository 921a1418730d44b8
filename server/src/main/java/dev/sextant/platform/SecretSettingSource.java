package dev.sextant.platform;

import java.util.List;

/** Implemented by each module that holds secrets, so the {@code prod} profile can refuse weak ones. */
public interface SecretSettingSource {

    List<SecretSetting> secretSettings();
}
