package dev.sextant.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every setting of every {@code @ConfigurationProperties} record is listed in README.md under its
 * environment variable, so the documentation cannot fall behind the code.
 */
class ConfigurationDocumentedTest {

    @Test
    void test_everySetting_isInTheReadme() throws IOException, ClassNotFoundException {
        String readme = Files.readString(Path.of("..", "README.md"));
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));

        List<String> variables = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("dev.sextant")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            collect(prefix, type, variables);
        }

        assertThat(variables).contains("SEXTANT_DATA_DIR", "SEXTANT_DB_URL", "SEXTANT_DEMO_ENABLED");
        assertThat(variables).allSatisfy(variable -> assertThat(readme).contains("`" + variable + "`"));
    }

    private static void collect(String prefix, Class<?> type, List<String> variables) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + component.getName().replaceAll("([a-z])([A-Z])", "$1-$2");
            if (component.getType().isRecord()) {
                collect(name, component.getType(), variables);
            } else {
                variables.add(name.replace('.', '_').replace("-", "_").toUpperCase(Locale.ROOT));
            }
        }
    }
}
