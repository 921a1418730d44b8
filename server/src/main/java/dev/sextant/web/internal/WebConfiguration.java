package dev.sextant.web.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** {@code sextant.web.directory}: serve the app from this directory, re-read on change (for working on it). */
    @Bean
    WebAssetSource webAssetSource(@Value("${sextant.web.directory:}") @Nullable String directory) {
        return new WebAssetSource(directory == null || directory.isBlank() ? null : Path.of(directory));
    }

    @Bean
    ContentSecurityPolicy contentSecurityPolicy() {
        return new ContentSecurityPolicy();
    }
}
